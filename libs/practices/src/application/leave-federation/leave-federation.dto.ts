import { EffectiveDateDto } from '../shared/common.dto.js';

export class LeaveFederationDto extends EffectiveDateDto {}
