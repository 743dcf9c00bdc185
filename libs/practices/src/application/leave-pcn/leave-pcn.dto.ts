import { EffectiveDateDto } from '../shared/common.dto.js';

export class LeavePcnDto extends EffectiveDateDto {}
