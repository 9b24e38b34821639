// Two projects, one `npm test`:
// - unit: modules in process (fakes over HTTP and fake CLIs included), with short waits;
// - process: what only a process boundary tests: each bundle (dist/) as the runner runs it,
//   the flightdeck CLI, the real vercel and wrangler CLIs against stand-ins, the workflow
//   runner and one run per seed example. These mostly wait on child processes.
// `npm test -- --selectProjects unit` runs one of them.

// GitHub wants writes a second apart; the fake GitHub has no such limit, and a bundle run makes
// several writes. Every process of the suite (workers, bundles, the CLI) inherits this test-only
// knob (shared/github/client.ts); the spacing itself is tested in __tests__/github/client.test.ts.
process.env.FLIGHTDECK_GITHUB_WRITE_SPACING ??= '0s'

/** Test files that run a bundle, the CLI or a real platform CLI as a child process. */
const PROCESS_TESTS = [
  '/__tests__/examples/',
  '/__tests__/real-cli/',
  '/__tests__/cli/',
  '/__tests__/hostile/(bundles|cli|foreign-text)\\.test\\.ts$',
  '/__tests__/[^/]+/action\\.test\\.ts$',
  '/__tests__/gated-deploy/',
  '/__tests__/preview-app/(hardening|platforms)\\.test\\.ts$',
  '/__tests__/deploy-report/cli\\.test\\.ts$',
  '/__tests__/workflows\\.test\\.ts$',
]

/** @type {import('jest').Config} */
const common = {
  // The node environment, with each test's output held back and shown only when it fails.
  testEnvironment: '<rootDir>/jest.environment.js',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  setupFiles: ['<rootDir>/jest.setup.js'],
}

/** @type {import('jest').Config} */
export default {
  // Jest's default on a 2-core machine is one worker; the process tests mostly wait on child
  // processes (bundles, real CLIs, short analysis windows) and the unit tests on sockets and
  // timers, so three keep both cores busy (two workers: 261 s; three: 204 s, measured side by side).
  maxWorkers: 3,
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...PROCESS_TESTS],
    },
    {
      ...common,
      displayName: 'process',
      testRegex: PROCESS_TESTS.map((pattern) =>
        pattern.endsWith('/') ? `${pattern}.*\\.test\\.ts$` : pattern,
      ),
    },
  ],
}
