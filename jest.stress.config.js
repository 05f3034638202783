/**
 * `npm run test:stress`: the tests on very large inputs (`*.stress.test.ts`), too long for
 * `npm test`. CI runs them after `npm test`.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/*.stress.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
