import { CursorSigner } from '../src/cursor-signing.js';

const OLD = 'old-secret-0123456789abcdef0123456789';
const NEW = 'new-secret-0123456789abcdef0123456789';

describe('signed cursors', () => {
  it('verifies its own cursors and refuses changed payloads and signatures', () => {
    const signer = new CursorSigner([NEW]);
    const cursor = signer.sign('v1.abc');
    expect(signer.verify(cursor)).toBe('v1.abc');
    expect(signer.verify(cursor.replace('v1.abc', 'v1.abd'))).toBeNull();
    // The first character of the signature (the last carries padding bits that decode to the same bytes).
    const at = cursor.indexOf('~') + 1;
    expect(signer.verify(`${cursor.slice(0, at)}${cursor[at] === 'A' ? 'B' : 'A'}${cursor.slice(at + 1)}`)).toBeNull();
    expect(signer.verify('v1.abc')).toBeNull();
    expect(new CursorSigner([OLD]).verify(cursor)).toBeNull();
  });

  it('accepts cursors signed before a rotation while the old secret is still listed, and signs with the first', () => {
    const before = new CursorSigner([OLD]).sign('p1.page');
    const rotated = new CursorSigner([NEW, OLD]);
    expect(rotated.verify(before)).toBe('p1.page');
    expect(new CursorSigner([NEW]).verify(rotated.sign('p1.page'))).toBe('p1.page');
    expect(new CursorSigner([NEW]).verify(before)).toBeNull();
  });
});
