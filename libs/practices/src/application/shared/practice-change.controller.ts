import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PracticeCommand } from '../../domain/index.js';
import { RecordPracticeChange, type WriteResult } from './record-practice-change.command.js';
import type { WriteContext } from './write-context.js';

/** What every write route does with its validated input: sends its domain command, with the write's context, to the one handler. */
@Injectable()
export abstract class PracticeChangeController {
  constructor(private readonly commands: CommandBus) {}

  protected send(command: PracticeCommand, context: WriteContext): Promise<WriteResult> {
    return this.commands.execute(new RecordPracticeChange(command, context));
  }
}
