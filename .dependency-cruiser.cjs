/**
 * Boundaries the code keeps (npm run lint): no cycles, test code included; each library used through its index from
 * outside, and no index publishing what a library's use cases share among themselves; the platform depends on no
 * context; the domain imports nothing outside itself; product code never imports test support; migrations are frozen.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Modules form no cycle, at test time either.', from: {}, to: { circular: true } },
    {
      name: 'library-through-its-index',
      severity: 'error',
      comment: 'Another library is imported only through its index (#name): its other files are its own business.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'apps-use-library-indexes',
      severity: 'error',
      comment: 'Apps, the benchmark and shared test support use a library only through its index.',
      from: { path: '^(apps|bench|test)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'index-publishes-no-shared-internals',
      severity: 'error',
      comment: "A library's index publishes nothing of application/shared: what its use cases share among themselves is theirs.",
      from: { path: '^libs/[^/]+/src/index\\.ts$' },
      to: { path: '^libs/[^/]+/src/application/shared/' },
    },
    {
      name: 'platform-is-neutral',
      severity: 'error',
      comment: 'The platform (database, identifier formats, cursors) is used by every context and depends on none of them.',
      from: { path: '^libs/platform/src/' },
      to: { path: '^libs/', pathNot: ['^libs/platform/'] },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'A domain folder imports nothing outside itself (no framework, no database, no other layer).',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: ['\\.spec\\.ts$'] },
      to: { pathNot: ['^libs/$1/src/domain/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      comment: 'Product code never imports tests or their support.',
      from: { path: '^(apps|libs|bench)/', pathNot: ['\\.spec\\.ts$', '/test/', '^test/'] },
      to: { path: ['\\.spec\\.ts$', '^test/', '^libs/[^/]+/test/', '^apps/[^/]+/test/'] },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      comment: 'A migration carries its own SQL: importing live code would change what an old migration does.',
      from: { path: '/migrations/[^/]+\\.ts$', pathNot: ['/migrations/index\\.ts$'] },
      to: { path: '^(apps|libs)/', pathNot: ['/migrations/'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['types', 'import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
