import { SWC_OPTIONS } from './test/support/swc-options.mjs';

// Jest runs the TypeScript sources as ES modules (Nest 12 is ESM-only), transformed by SWC with decorator metadata.
const swc = ['@swc/jest', SWC_OPTIONS];
const libs = ['platform', 'access', 'runtime', 'event-store', 'practices', 'landscape', 'ods-import', 'demo-history', 'proof'];
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((l) => [`^#${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
export default {
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
    // Faults (crashes of private clusters, held locks, slow clients) need a PostgreSQL server: the server leg of CI only.
    ...(process.env.DATABASE_URL ? [{ ...shared, displayName: 'fault', testMatch: ['<rootDir>/**/*.fault.spec.ts'] }] : []),
  ],
};
