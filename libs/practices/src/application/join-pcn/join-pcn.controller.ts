import { Body, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PracticePath } from '../shared/common.dto.js';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { JoinPcnDto } from './join-pcn.dto.js';

@PracticeWriteController()
export class JoinPcnController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(':ods/pcn', 'Record the practice joining a primary care network', JoinPcnDto)
  record(@Param() path: PracticePath, @Body() body: JoinPcnDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        { type: 'JoinPcn', odsCode: path.ods, pcnCode: body.pcnCode, pcnName: body.pcnName, effectiveDate: body.effectiveDate },
        context,
      ),
    );
  }
}
