/**
 * Interior nodes are stored from this level up (complete subtrees of 16 leaves and more): one row per 16 leaves
 * instead of one per leaf, while a proof's smaller nodes come from at most 16 stored leaf hashes each.
 */
export const STORED_FROM_LEVEL = 4;
