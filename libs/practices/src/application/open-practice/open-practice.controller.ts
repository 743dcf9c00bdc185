import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RecordPracticeChange } from '../shared/record-practice-change.command.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { WriteRoute } from '../shared/write-route.decorators.js';
import { OpenPracticeDto } from './open-practice.dto.js';

@ApiTags('practice writes')
@Controller()
export class OpenPracticeController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute('practices', 'Open a practice', OpenPracticeDto)
  open(@Body() body: OpenPracticeDto, @Write() context: WriteContext) {
    return this.commands.execute(
      new RecordPracticeChange(
        {
          type: 'OpenPractice',
          odsCode: body.odsCode,
          name: body.name,
          openedOn: body.openedOn,
          commissionerCode: body.commissionerCode ?? null,
          contract: body.contract ?? null,
        },
        context,
      ),
    );
  }
}
