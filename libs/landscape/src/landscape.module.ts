import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExportPracticesCsvController } from './application/export-practices-csv/export-practices-csv.controller.js';
import { ExportPracticesCsvHandler } from './application/export-practices-csv/export-practices-csv.handler.js';
import { GetLandscapeDiffController } from './application/get-landscape-diff/get-landscape-diff.controller.js';
import { GetLandscapeDiffHandler } from './application/get-landscape-diff/get-landscape-diff.handler.js';
import { GetLandscapeSummaryController } from './application/get-landscape-summary/get-landscape-summary.controller.js';
import { GetLandscapeSummaryHandler } from './application/get-landscape-summary/get-landscape-summary.handler.js';
import { GetLandscapeTrendController } from './application/get-landscape-trend/get-landscape-trend.controller.js';
import { GetLandscapeTrendHandler } from './application/get-landscape-trend/get-landscape-trend.handler.js';
import { GetPracticeController } from './application/get-practice/get-practice.controller.js';
import { GetPracticeHandler } from './application/get-practice/get-practice.handler.js';
import { ListPracticesController } from './application/list-practices/list-practices.controller.js';
import { ListPracticesHandler } from './application/list-practices/list-practices.handler.js';
import { ListProvidersController } from './application/list-providers/list-providers.controller.js';
import { ListProvidersHandler } from './application/list-providers/list-providers.handler.js';
import { ReadConsistency } from './application/shared/read-consistency.js';
import { LandscapeProjectionModule } from './landscape-projection.module.js';
import { ReplicaProjection } from './replica/replica-projection.js';

/**
 * The read side of SPEC §5 (practices, landscape summary, trend and diff, providers, CSV report) served from the bitemporal
 * projection through the QueryBus (from a streaming replica with READ_DATABASE_URL, SPEC §11), plus the projector itself
 * (started on bootstrap unless PROJECTOR=off).
 */
@Module({
  imports: [CqrsModule, LandscapeProjectionModule],
  controllers: [
    ListPracticesController,
    GetPracticeController,
    GetLandscapeSummaryController,
    GetLandscapeDiffController,
    GetLandscapeTrendController,
    ListProvidersController,
    ExportPracticesCsvController,
  ],
  providers: [
    ReplicaProjection,
    ReadConsistency,
    ListPracticesHandler,
    GetPracticeHandler,
    GetLandscapeSummaryHandler,
    GetLandscapeDiffHandler,
    GetLandscapeTrendHandler,
    ListProvidersHandler,
    ExportPracticesCsvHandler,
  ],
  exports: [LandscapeProjectionModule, ReplicaProjection],
})
export class LandscapeModule {}
