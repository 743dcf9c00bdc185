import { Module } from '@nestjs/common';
import { PracticeStreamCacheModule } from '#practices';
import { CatchUpProgress } from './catch-up/catch-up-progress.js';
import { ProjectionSignals } from './projector/projection-signals.js';
import { ProjectionStatus } from './projector/projection-status.js';
import { ProjectorService } from './projector/projector.service.js';
import { TrendFolderService } from './read-models/landscape-trend/trend-folder.service.js';

/**
 * The landscape projector and its status, without any HTTP surface: what apps/projector runs on its own and what
 * LandscapeModule includes. Needs EventStore and PG_POOL from the runtime; shares the process's practice stream cache.
 */
@Module({
  imports: [PracticeStreamCacheModule],
  providers: [CatchUpProgress, ProjectionSignals, ProjectionStatus, ProjectorService, TrendFolderService],
  exports: [CatchUpProgress, ProjectionSignals, ProjectionStatus, ProjectorService, TrendFolderService],
})
export class LandscapeProjectionModule {}
