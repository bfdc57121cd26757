// Shared Jest settings: SWC transpiles TypeScript (3x faster than ts-jest here); type checking is
// a separate step (`tsc --noEmit` in tools/test.mjs).
const path = require('node:path');
const root = __dirname;

module.exports = {
  transform: {
    '^.+\\.(t|j)sx?$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@luoshi/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@luoshi/notice-parser$': path.join(root, 'libs/notice-parser/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
};
