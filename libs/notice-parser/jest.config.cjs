module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'notice-parser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
