import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gander/source'] },
  ssr: { resolve: { conditions: ['@gander/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['scripts/test-db/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './scripts/test-db/summary-reporter.ts'],
  },
});
