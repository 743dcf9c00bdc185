import { Query } from '@nestjs/cqrs';
import type { PracticeChange } from './practice-changes.js';

export interface LandscapeDiff {
  readonly from: string;
  readonly to: string;
  readonly knownAt: string;
  readonly total: number;
  readonly items: readonly PracticeChange[];
}

export class GetLandscapeDiff extends Query<LandscapeDiff> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly knownAt: string | undefined,
  ) {
    super();
  }
}
