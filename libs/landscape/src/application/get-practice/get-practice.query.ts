import { Query } from '@nestjs/cqrs';
import type { PracticeView } from '../shared/practice-view.js';

export class GetPractice extends Query<PracticeView> {
  constructor(
    readonly odsCode: string,
    readonly asOf: string | undefined,
    readonly knownAt: string | undefined,
  ) {
    super();
  }
}
