import { defineConfig } from 'vitest/config';

// Two tiers: unit (pure functions, one SQLite file, frozen clocks) and integration
// (the server in-process or as a CLI process, real HTTP on ephemeral loopback ports).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
    ],
  },
});
