import { Command } from '@nestjs/cqrs';
import type { PracticeCommand } from '../../domain/index.js';
import type { WriteContext } from './write-context.js';

/** SPEC §5 write answer. */
export interface WriteResult {
  readonly eventId: string;
  readonly odsCode: string;
  readonly streamVersion: number;
  readonly position: string;
}

/** Every write route sends its domain command through this one CQRS command: load, fold, decide, append. */
export class RecordPracticeChange extends Command<WriteResult> {
  constructor(
    readonly command: PracticeCommand,
    readonly context: WriteContext,
  ) {
    super();
  }
}
