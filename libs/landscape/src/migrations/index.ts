import { CreateLandscapeProjections1763856100000 } from './1763856100000-create-landscape-projections.js';
import { CreateReportingViews1763856200000 } from './1763856200000-create-reporting-views.js';
import { CheckpointRecordedThrough1763856300000 } from './1763856300000-checkpoint-recorded-through.js';
import { CoveringBitemporalIndex1763856400000 } from './1763856400000-covering-bitemporal-index.js';
import { SummaryFacts1763856500000 } from './1763856500000-summary-facts.js';
import { ApplyStepFunction1763856700000 } from './1763856700000-apply-step-function.js';
import { BitemporalPoints1763856800000 } from './1763856800000-bitemporal-points.js';
import { TrendModel1763856900000 } from './1763856900000-trend-model.js';
import { StateAsJson1763857000000 } from './1763857000000-state-as-json.js';
import { ApplyStepJsonInserts1763857100000 } from './1763857100000-apply-step-json-inserts.js';

/** Oldest first. A migration, once committed, is never edited: change the schema with a new one. */
export const landscapeMigrations = [
  CreateLandscapeProjections1763856100000,
  CreateReportingViews1763856200000,
  CheckpointRecordedThrough1763856300000,
  CoveringBitemporalIndex1763856400000,
  SummaryFacts1763856500000,
  ApplyStepFunction1763856700000,
  BitemporalPoints1763856800000,
  TrendModel1763856900000,
  StateAsJson1763857000000,
  ApplyStepJsonInserts1763857100000,
];
