// End-to-end tests of the BUILT app (`npm run build` first): the embedded default as a newcomer
// starts it, and a real browser (Debian's chromium through playwright-core).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 240_000,
};
