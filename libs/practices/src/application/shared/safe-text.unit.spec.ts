import { unsafeTextReason } from './safe-text.js';

describe('names are plain text (SPEC §9)', () => {
  it.each([
    ['NUL', 'The\u0000Surgery'],
    ['a lone high surrogate', 'The \uD83D Surgery'],
    ['a lone low surrogate', 'The \uDC00 Surgery'],
    ['a right-to-left override', 'The \u202ESurgery'],
    ['a bidi isolate', 'The \u2066Surgery\u2069'],
    ['a right-to-left mark', 'The\u200FSurgery'],
    ['a newline', 'The\nSurgery'],
    ['a tab', 'The\tSurgery'],
    ['a C1 control', 'The\u0085Surgery'],
    ['a line separator', 'The\u2028Surgery'],
  ])('refuses %s', (_what, name) => {
    expect(unsafeTextReason(name)).not.toBeNull();
  });

  it.each([
    ['accents and apostrophes', "Dr Siân O'Brien-Müller"],
    ['Welsh', 'Meddygfa Ffordd y Brenin'],
    ['an emoji (a well-formed surrogate pair)', 'The Surgery 🏥'],
    ['right-to-left script without controls', 'عيادة'],
  ])('accepts %s', (_what, name) => {
    expect(unsafeTextReason(name)).toBeNull();
  });
});
