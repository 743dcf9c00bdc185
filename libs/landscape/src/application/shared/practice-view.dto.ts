import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRACT_TYPES, HOLDER_KINDS } from '#practices';

/** OpenAPI descriptions of the read responses (the handlers build plain objects of these shapes). */
export class HolderDoc {
  @ApiProperty({ enum: HOLDER_KINDS }) kind!: string;
  @ApiProperty({ example: 'the-surgery-partnership' }) id!: string;
  @ApiProperty() name!: string;
}

export class ContractDoc {
  @ApiProperty({ enum: CONTRACT_TYPES }) type!: string;
  @ApiProperty({ type: HolderDoc }) holder!: HolderDoc;
}

export class PersonDoc {
  @ApiProperty({ example: '4012345' }) gmcNumber!: string;
  @ApiProperty() name!: string;
}

export class SubcontractDoc {
  @ApiProperty({ example: 'RL4' }) trustCode!: string;
  @ApiProperty() trustName!: string;
  @ApiProperty({ format: 'date' }) since!: string;
}

export class FederationDoc {
  @ApiProperty({ example: 'wolverhampton-gp-federation' }) federationId!: string;
  @ApiProperty() federationName!: string;
  @ApiProperty({ format: 'date' }) since!: string;
}

export class PcnDoc {
  @ApiProperty({ example: 'U12345' }) pcnCode!: string;
  @ApiProperty() pcnName!: string;
}

export class PracticeFieldsDoc {
  @ApiProperty({ example: 'M92011' }) odsCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ format: 'date' }) openedOn!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) closedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '00K' }) commissionerCode!: string | null;
  @ApiProperty({ type: ContractDoc, nullable: true }) contract!: ContractDoc | null;
  @ApiProperty({ type: HolderDoc, nullable: true, description: 'the trust when subcontracted, else the contract holder' })
  provider!: HolderDoc | null;
  @ApiProperty({ type: [PersonDoc] }) partners!: PersonDoc[];
  @ApiProperty({ type: [PersonDoc] }) salariedGps!: PersonDoc[];
  @ApiProperty() partnerCount!: number;
  @ApiProperty() salariedCount!: number;
  @ApiProperty({ type: SubcontractDoc, nullable: true }) subcontract!: SubcontractDoc | null;
  @ApiProperty({ type: [FederationDoc] }) federations!: FederationDoc[];
  @ApiProperty({ type: PcnDoc, nullable: true }) pcn!: PcnDoc | null;
  @ApiProperty({ nullable: true, type: Number }) registeredPatients!: number | null;
  @ApiProperty() singleHanded!: boolean;
  @ApiProperty() withoutPartners!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the practice it merged into, once merged' })
  mergedInto!: string | null;
}

export class PracticeDoc extends PracticeFieldsDoc {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ format: 'date-time', description: 'the knownAt actually used (clamped to the stable horizon)' }) knownAt!: string;
}
