import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../src/http/json-depth.js';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('JSON depth limit', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth('{"a":'.repeat(40) + '1' + '}'.repeat(40))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(JSON.stringify({ name: '['.repeat(100) + '\\"[[[' }))).toBe(false);
  });

  it('stops at the limit however long the text', () => {
    expect(exceedsJsonDepth(nested(1_000_000))).toBe(true);
  });
});
