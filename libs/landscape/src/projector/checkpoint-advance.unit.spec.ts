import { advanced, emptyCheckpoint, type Checkpoint } from './checkpoint-store.js';

const at = (position: number) => ({ transactionId: String(1_000 + position), position: String(position) });
const T = (second: number) => `2026-11-28T10:00:${String(second).padStart(2, '0')}.000Z`;

const applied = (through: number, recordedThrough: string, horizon: string, horizonThrough: number | null): Checkpoint => ({
  ...emptyCheckpoint('practice_versions'),
  cursor: at(through),
  recordedThrough,
  stableHorizon: horizon,
  horizonCursor: horizonThrough === null ? null : at(horizonThrough),
});

describe('checkpoint advance: how far reads at the stable horizon see', () => {
  it('given every applied event recorded by the horizon, then the horizon cursor is the cursor', () => {
    const next = advanced(applied(10, T(5), T(5), 10), {
      cursor: at(14),
      stableHorizon: T(9),
      recordedThrough: T(8),
      settledThrough: at(14),
      eventsApplied: 4,
    });
    expect(next).toMatchObject({ cursor: at(14), horizonCursor: at(14), stableHorizon: T(9), recordedThrough: T(8) });
  });

  it('given an append still in flight when the last events were recorded, then it stops after the events recorded by the horizon', () => {
    const next = advanced(applied(10, T(5), T(5), 10), {
      cursor: at(14),
      stableHorizon: T(7),
      recordedThrough: T(9),
      settledThrough: at(12),
      eventsApplied: 4,
    });
    expect(next).toMatchObject({ cursor: at(14), horizonCursor: at(12), stableHorizon: T(7), recordedThrough: T(9) });
  });

  it('given the page starts after the horizon, then it covers what was applied before', () => {
    const next = advanced(applied(10, T(5), T(5), 8), {
      cursor: at(14),
      stableHorizon: T(6),
      recordedThrough: T(9),
      settledThrough: null,
      eventsApplied: 4,
    });
    expect(next.horizonCursor).toEqual(at(10));
  });

  it('given earlier events recorded after the new horizon, then the horizon cursor stays', () => {
    const next = advanced(applied(10, T(8), T(5), 6), {
      cursor: at(14),
      stableHorizon: T(7),
      recordedThrough: T(9),
      settledThrough: at(13),
      eventsApplied: 4,
    });
    expect(next.horizonCursor).toEqual(at(6));
  });

  it('given a page cut by its limit (no horizon), then the horizon cursor stays', () => {
    const next = advanced(applied(10, T(5), T(5), 10), { cursor: at(14), stableHorizon: null, recordedThrough: T(6), eventsApplied: 4 });
    expect(next.horizonCursor).toEqual(at(10));
  });
});
