// How the TypeScript sources are compiled when run directly (Jest's transform and the child processes' loader alike):
// ES modules, decorators with their metadata, as tsc builds them.
export const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};
