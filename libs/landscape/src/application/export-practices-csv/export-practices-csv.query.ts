import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { ReadTime } from '../shared/read-time.js';

export interface PracticesCsv extends ReadTime {
  /** CSV bytes, produced page by page as the client reads. */
  readonly body: Readable;
}

export class ExportPracticesCsv extends Query<PracticesCsv> {
  constructor(
    readonly asOf: string | undefined,
    readonly knownAt: string | undefined,
  ) {
    super();
  }
}
