import type { PGlite } from '@electric-sql/pglite';

/**
 * The bytes in an ArrayBuffer of exactly their own, as a Blob's contents and a transfer to another thread need them: a
 * small Buffer is a view into a shared pool, so those bytes alone are copied out (a Buffer's slice() would not copy).
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** The bytes a statement's `blob` option reads as '/dev/blob', shaped as the PGlite API takes them (it reads them once). */
export function bytesAsBlob(bytes: Uint8Array): Blob {
  const exact = ownBytes(bytes).buffer as ArrayBuffer;
  return { size: exact.byteLength, arrayBuffer: () => Promise.resolve(exact) } as unknown as Blob;
}

interface BlobDevice {
  stream_ops: { read: (stream: unknown, into: Uint8Array, offset: number, length: number, position: number) => number };
}

interface PGliteInternals {
  readonly mod?: { FS: { makedev(major: number, minor: number): number; getDevice(dev: number): BlobDevice | undefined } };
  _handleBlob(blob?: Blob): Promise<void>;
  _cleanupBlob(): Promise<void>;
}

/**
 * PGlite (0.5.14) copies '/dev/blob' into PostgreSQL's buffer one byte at a time in JavaScript: 230-400 ms for the
 * 57 MB a 49,000-row rebuild loads by COPY, 5-8% of that rebuild's time on the session. This reads it by one
 * typed-array copy per read instead.
 */
export function copyBlobReadsAtOnce(db: PGlite): void {
  const internals = db as unknown as PGliteInternals;
  // (64, 0): the device number PGlite registers '/dev/blob' under.
  const device = internals.mod?.FS.getDevice(internals.mod.FS.makedev(64, 0));
  if (!device?.stream_ops.read || typeof internals._handleBlob !== 'function' || typeof internals._cleanupBlob !== 'function') {
    throw new Error('PGlite internals changed (no /dev/blob device): review libs/platform/src/database/pglite-blob-reads.ts');
  }
  let bytes: Uint8Array | undefined;
  const handleBlob = internals._handleBlob.bind(db);
  internals._handleBlob = async (blob) => {
    const buffer = await blob?.arrayBuffer();
    bytes = buffer && new Uint8Array(buffer);
    return handleBlob(buffer && ({ arrayBuffer: () => Promise.resolve(buffer) } as unknown as Blob));
  };
  const cleanupBlob = internals._cleanupBlob.bind(db);
  internals._cleanupBlob = () => {
    bytes = undefined;
    return cleanupBlob();
  };
  device.stream_ops.read = (_stream, into, offset, length, position) => {
    if (!bytes) throw new Error('No /dev/blob File or Blob provided to read from');
    const count = Math.max(0, Math.min(bytes.length - position, length));
    into.set(bytes.subarray(position, position + count), offset);
    return count;
  };
}
