import { PracticeVersionEntity } from './read-models/practice-versions/practice-version.entity.js';
import { ProjectionCheckpointEntity } from './projector/projection-checkpoint.entity.js';

export { landscapeMigrations } from './migrations/index.js';
export { LandscapeModule } from './landscape.module.js';
export { LandscapeProjectionModule } from './landscape-projection.module.js';
export { ProjectionStatus, type ProjectionLag } from './projector/projection-status.js';
export { ProjectionSignals } from './projector/projection-signals.js';
export { ProjectorService } from './projector/projector.service.js';
export { PracticeVersionsProjector, type ProjectorOptions, type StepResult } from './projector/practice-versions.projector.js';
export { readCheckpoint, PRACTICE_VERSIONS_PROJECTION_VERSION, type Checkpoint } from './projector/checkpoint-store.js';
export { PRACTICE_VERSIONS_TABLE, PRACTICE_VERSIONS_SHADOW_TABLE, LANDSCAPE_SCHEMA } from './schema/practice-versions.ddl.js';
export { REPORTING_SCHEMA } from './schema/reporting-views.ddl.js';
export { PRACTICE_CSV_COLUMNS, toPracticeCsvRecord, type PracticeCsvRecord } from './reports/practice-csv.js';
export { practicesCsvStream } from './reports/csv-stream.js';
export { rebuildProjections, type RebuildOptions, type RebuildProgress, type RebuildResult } from './rebuild/rebuild-projections.js';
export { readLogHistories, type LogHistories } from './replay/log-histories.js';
export { replayLandscape } from './replay/replay-landscape.js';
export { logLength } from './replay/log-length.js';
export { verifyProjections, type Mismatch, type VerifyOptions, type VerifyReport } from './verify/verify-projections.js';
export { landscapeAt } from './read-models/practice-versions/landscape-at.js';
export { canonicalJson } from './read-models/practice-versions/canonical-json.js';
export { PracticeVersionEntity, ProjectionCheckpointEntity };

/** TypeORM entities of the landscape read side (the schema itself comes from landscapeMigrations). */
export const landscapeEntities = [PracticeVersionEntity, ProjectionCheckpointEntity];
