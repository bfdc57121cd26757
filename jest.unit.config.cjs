// The tests that need no database and no build: libs and the web's pure functions and components.
module.exports = {
  projects: ['<rootDir>/libs/domain/jest.config.cjs', '<rootDir>/libs/notice-parser/jest.config.cjs', '<rootDir>/apps/web/jest.config.cjs'],
};
