import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CHECKPOINTS_TABLE, LANDSCAPE_SCHEMA } from '../schema/practice-versions.ddl.js';

/**
 * Where a projection stands in the log, written in the same transaction as the read-model rows it covers. `name` is
 * the projection's table; `stableHorizon` is the latest knownAt its rows answer for exactly.
 */
@Entity({ schema: LANDSCAPE_SCHEMA, name: CHECKPOINTS_TABLE })
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ name: 'transaction_id', type: 'bigint', nullable: true })
  transactionId!: string | null;

  @Column({ type: 'bigint', nullable: true })
  position!: string | null;

  @Column({ name: 'stable_horizon', type: 'timestamptz', nullable: true })
  stableHorizon!: Date | null;

  @Column({ name: 'recorded_through', type: 'timestamptz', nullable: true })
  recordedThrough!: Date | null;

  @Column({ name: 'horizon_transaction_id', type: 'bigint', nullable: true })
  horizonTransactionId!: string | null;

  @Column({ name: 'horizon_position', type: 'bigint', nullable: true })
  horizonPosition!: string | null;

  @Column({ name: 'projection_version', type: 'integer' })
  projectionVersion!: number;

  @Column({ name: 'events_applied', type: 'bigint' })
  eventsApplied!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
