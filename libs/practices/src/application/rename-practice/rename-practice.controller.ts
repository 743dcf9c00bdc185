import { Body, Param } from '@nestjs/common';
import { PracticePath } from '../shared/common.dto.js';
import { PracticeChangeController } from '../shared/practice-change.controller.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { PracticeWriteController, WriteRoute } from '../shared/write-route.decorators.js';
import { RenamePracticeDto } from './rename-practice.dto.js';

@PracticeWriteController()
export class RenamePracticeController extends PracticeChangeController {
  @WriteRoute(':ods/name', 'Rename a practice', RenamePracticeDto)
  record(@Param() path: PracticePath, @Body() body: RenamePracticeDto, @Write() context: WriteContext) {
    return this.send({ type: 'RenamePractice', odsCode: path.ods, name: body.name, effectiveDate: body.effectiveDate }, context);
  }
}
