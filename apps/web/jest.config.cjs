const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
  // Component tests render antd into a DOM; the pure-function tests do not mind it.
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/jest.setup.ts'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    // The app imports antd's ES modules for tree-shaking; Jest runs CommonJS, which antd ships in lib/.
    '^antd/es/(.*)$': 'antd/lib/$1',
    '\\.css$': '<rootDir>/jest.style-stub.cjs',
  },
};
