import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { WriteRoute } from '../shared/write-route.decorators.js';
import { OpenPracticeDto } from './open-practice.dto.js';

@ApiTags('practice writes')
@Controller()
export class OpenPracticeController extends PracticeChangeController {
  @WriteRoute('practices', 'Open a practice', OpenPracticeDto)
  open(@Body() body: OpenPracticeDto, @Write() context: WriteContext) {
    return this.send(
      {
        type: 'OpenPractice',
        odsCode: body.odsCode,
        name: body.name,
        openedOn: body.openedOn,
        commissionerCode: body.commissionerCode ?? null,
        contract: body.contract ?? null,
      },
      context,
    );
  }
}
