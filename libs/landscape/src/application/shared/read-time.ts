import type { ProjectionStatus } from '../../projector/projection-status.js';

/** The (asOf, knownAt) a read actually answers for, stated in every answer. */
export interface ReadTime {
  readonly asOf: string;
  readonly knownAt: string;
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export async function resolveReadTime(status: ProjectionStatus, asOf: string | undefined, knownAt: string | undefined): Promise<ReadTime> {
  return { asOf: asOf ?? todayUtc(), knownAt: await status.resolveKnownAt(knownAt) };
}

/** The instant a read asks for, at the millisecond precision answers are stated in: knownAt if given, else now. */
export const requestedKnownAt = (knownAt: string | undefined): string =>
  new Date(knownAt === undefined ? Date.now() : Date.parse(knownAt)).toISOString();
