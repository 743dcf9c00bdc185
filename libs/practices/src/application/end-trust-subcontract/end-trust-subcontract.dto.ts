import { EffectiveDateDto } from '../shared/common.dto.js';

export class EndTrustSubcontractDto extends EffectiveDateDto {}
