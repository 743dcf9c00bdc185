export * from './hashing.js';
export * from './node-source.js';
export * from './proofs.js';
export * from './verify.js';
export * from './compact-range.js';
export * from './in-memory-tree.js';
