import { IsName, PracticePath } from '../shared/common.dto.js';
import { IsEventId } from '#platform';

export class RetractEventPath extends PracticePath {
  @IsEventId()
  eventId!: string;
}

export class RetractEventDto {
  @IsName('Recorded against the wrong practice')
  reason!: string;
}
