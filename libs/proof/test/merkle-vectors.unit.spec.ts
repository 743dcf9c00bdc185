import {
  CompactRange,
  consistencyPath,
  EMPTY_TREE_HASH,
  inclusionPath,
  InMemoryTree,
  leafHash,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from '../src/merkle/index.js';

/**
 * Known answers from the Certificate Transparency reference implementation: github.com/transparency-dev/merkle,
 * testonly/constants.go (LeafInputs, NodeHashes, RootHashes) and proof/verify_test.go (inclusionProofs,
 * consistencyProofs), the RFC 6962 / RFC 9162 SHA-256 test vectors. In verify_test.go inclusion leaf numbers are 1-based.
 */
const hex = (text: string) => Buffer.from(text, 'hex');
const LEAF_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);
const LEAF_HASHES = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
];
/** Indexed by tree size, 0 to 8. */
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION_PROOFS: ReadonlyArray<{ leaf: number; size: number; path: string[] }> = [
  { leaf: 1, size: 1, path: [] },
  {
    leaf: 1,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    path: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY_PROOFS: ReadonlyArray<{ from: number; to: number; path: string[] }> = [
  { from: 1, to: 1, path: [] },
  {
    from: 1,
    to: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    path: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    path: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'],
  },
  {
    from: 6,
    to: 7,
    path: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const asHex = (hashes: readonly Buffer[]) => hashes.map((hash) => hash.toString('hex'));

describe('Merkle tree against the RFC 6962/9162 test vectors of transparency-dev/merkle', () => {
  const tree = InMemoryTree.ofData(LEAF_INPUTS);

  it('hashes each leaf as SHA-256(0x00 ‖ data)', () => {
    expect(LEAF_INPUTS.map((input) => leafHash(input).toString('hex'))).toEqual(LEAF_HASHES);
  });

  it('gives the published root for every tree size 0 to 8, whole and grown leaf by leaf', () => {
    expect(EMPTY_TREE_HASH.toString('hex')).toBe(ROOTS[0]);
    const range = new CompactRange();
    expect(range.root().toString('hex')).toBe(ROOTS[0]);
    for (let size = 1; size <= 8; size++) {
      expect(tree.root(size).toString('hex')).toBe(ROOTS[size]);
      range.append(leafHash(LEAF_INPUTS[size - 1]));
      expect(range.root().toString('hex')).toBe(ROOTS[size]);
    }
  });

  it.each(INCLUSION_PROOFS)('inclusion proof of leaf $leaf in a tree of $size matches and verifies', ({ leaf, size, path }) => {
    const proof = inclusionPath(tree, leaf - 1, size);
    expect(asHex(proof)).toEqual(path);
    expect(rootFromInclusionProof(leaf - 1, size, leafHash(LEAF_INPUTS[leaf - 1]), proof)?.toString('hex')).toBe(ROOTS[size]);
    expect(verifyInclusion(leaf - 1, size, leafHash(LEAF_INPUTS[leaf - 1]), proof, hex(ROOTS[size]))).toBe(true);
  });

  it.each(CONSISTENCY_PROOFS)('consistency proof from $from to $to matches and verifies', ({ from, to, path }) => {
    const proof = consistencyPath(tree, from, to);
    expect(asHex(proof)).toEqual(path);
    expect(verifyConsistency(from, to, hex(ROOTS[from]), hex(ROOTS[to]), proof)).toBe(true);
  });

  it('refuses the degenerate cases the reference verifier refuses', () => {
    const some = hex('abacaba000000000000000000000000000000000000000000060061e00123456');
    expect(verifyInclusion(0, 0, some, [], EMPTY_TREE_HASH)).toBe(false);
    expect(verifyInclusion(2, 1, some, [], some)).toBe(false);
    expect(verifyConsistency(1, 1, hex(ROOTS[1]), hex(ROOTS[2]), [])).toBe(false);
    expect(verifyConsistency(2, 1, hex(ROOTS[2]), hex(ROOTS[1]), [])).toBe(false);
    expect(verifyConsistency(1, 2, hex(ROOTS[1]), hex(ROOTS[2]), [])).toBe(false);
    expect(verifyConsistency(1, 1, EMPTY_TREE_HASH, EMPTY_TREE_HASH, [EMPTY_TREE_HASH])).toBe(false);
  });
});
