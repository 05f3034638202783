const os = require('os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Tables of a million rows and records of 100,000 candidatures take minutes: they run apart, in
  // `npm run test:stress` (jest.stress.config.js), and `npm test` keeps a small version of each.
  testPathIgnorePatterns: ['/node_modules/', '\\.stress\\.test\\.ts$'],
  // Type checking is done once by `npm run typecheck` (pretest); here ts-jest only transpiles.
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 60000,
  // Jest's default, one worker less than the cores, is a single worker on the project's 2-core
  // machines; much of the suite waits on other processes (Chromium, LibreOffice, the CLI), so two
  // workers keep both cores busy.
  maxWorkers: Math.max(2, os.cpus().length - 1),
};
