import { Query } from '@nestjs/cqrs';
import type { ContractType, HolderKind } from '#practices';
import type { PracticeFields } from '../shared/practice-view.js';
import type { PracticeStatusFilter } from './list-practices.dto.js';

export interface PracticeFilters {
  readonly status: PracticeStatusFilter;
  readonly commissioner?: string;
  readonly contractType?: ContractType;
  readonly holderKind?: HolderKind;
  readonly trust?: string;
  readonly federation?: string;
  readonly pcn?: string;
}

export interface PracticePage {
  readonly asOf: string;
  readonly knownAt: string;
  readonly total: number;
  readonly items: PracticeFields[];
  readonly nextCursor: string | null;
}

export class ListPractices extends Query<PracticePage> {
  constructor(
    readonly filters: PracticeFilters,
    readonly asOf: string | undefined,
    readonly knownAt: string | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
