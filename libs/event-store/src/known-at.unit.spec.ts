import { BEFORE_ANYTHING, clampKnownAt } from './known-at.js';

describe('clampKnownAt: the one rule for the knownAt a read answers for', () => {
  const horizon = '2026-01-01T12:00:00.000Z';
  const now = Date.parse('2026-01-01T12:00:05.123Z');

  it('answers for the requested instant when it is within the stable horizon', () => {
    expect(clampKnownAt('2025-06-01T00:00:00Z', horizon, now)).toBe('2025-06-01T00:00:00.000Z');
  });

  it('never answers beyond the horizon, whether asked for later or for now', () => {
    expect(clampKnownAt('2199-01-01T00:00:00Z', horizon, now)).toBe(horizon);
    expect(clampKnownAt(undefined, horizon, now)).toBe(horizon);
    expect(clampKnownAt(null, '2027-01-01T00:00:00.000Z', now)).toBe('2026-01-01T12:00:05.123Z');
  });

  it('answers as known before anything while no horizon is established', () => {
    expect(clampKnownAt('2025-06-01T00:00:00Z', null, now)).toBe(BEFORE_ANYTHING);
    expect(clampKnownAt(undefined, null, now)).toBe(BEFORE_ANYTHING);
  });
});
