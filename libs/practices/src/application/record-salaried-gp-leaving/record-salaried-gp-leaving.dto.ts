import { EffectiveDateDto } from '../shared/common.dto.js';

export class RecordSalariedGpLeavingDto extends EffectiveDateDto {}
