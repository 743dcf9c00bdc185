import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PracticeSnapshot } from '#practices';
import { LANDSCAPE_SCHEMA, PRACTICE_VERSIONS_TABLE } from '../../schema/practice-versions.ddl.js';

/**
 * One version of a practice's state, valid over [validFrom, validTo) in effective time and believed over
 * [recordedFrom, recordedTo) in recorded time. The schema (with its generated range columns and indexes) is created by
 * migration from schema/practice-versions.ddl.ts; this entity maps the columns for TypeORM users. Hot paths use SQL.
 */
@Entity({ schema: LANDSCAPE_SCHEMA, name: PRACTICE_VERSIONS_TABLE })
export class PracticeVersionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'ods_code', type: 'text' })
  odsCode!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'recorded_from', type: 'timestamptz' })
  recordedFrom!: Date;

  @Column({ name: 'recorded_to', type: 'timestamptz', nullable: true })
  recordedTo!: Date | null;

  @Column({ type: 'text' })
  status!: 'open' | 'closed';

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'commissioner_code', type: 'text', nullable: true })
  commissionerCode!: string | null;

  @Column({ name: 'contract_type', type: 'text', nullable: true })
  contractType!: string | null;

  @Column({ name: 'holder_kind', type: 'text', nullable: true })
  holderKind!: string | null;

  @Column({ name: 'holder_id', type: 'text', nullable: true })
  holderId!: string | null;

  @Column({ name: 'provider_kind', type: 'text', nullable: true })
  providerKind!: string | null;

  @Column({ name: 'provider_id', type: 'text', nullable: true })
  providerId!: string | null;

  @Column({ name: 'provider_name', type: 'text', nullable: true })
  providerName!: string | null;

  @Column({ name: 'trust_code', type: 'text', nullable: true })
  trustCode!: string | null;

  @Column({ name: 'pcn_code', type: 'text', nullable: true })
  pcnCode!: string | null;

  @Column({ type: 'text', array: true })
  federations!: string[];

  @Column({ name: 'partner_count', type: 'integer' })
  partnerCount!: number;

  @Column({ name: 'salaried_count', type: 'integer' })
  salariedCount!: number;

  @Column({ name: 'registered_patients', type: 'integer', nullable: true })
  registeredPatients!: number | null;

  @Column({ name: 'single_handed', type: 'boolean' })
  singleHanded!: boolean;

  @Column({ name: 'without_partners', type: 'boolean' })
  withoutPartners!: boolean;

  /** JSON array: see summary-facts.ts. */
  @Column({ name: 'summary_facts', type: 'text' })
  summaryFacts!: string;

  @Column({ type: 'jsonb' })
  state!: PracticeSnapshot;
}
