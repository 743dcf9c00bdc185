import { IntersectionType } from '@nestjs/swagger';
import { EffectiveDateDto } from '../shared/common.dto.js';
import { ContractDto } from '../shared/contract.dto.js';

/** The new contract (type and holder) and the date it took effect. */
export class ChangeContractDto extends IntersectionType(ContractDto, EffectiveDateDto) {}
