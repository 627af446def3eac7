import { defineConfig } from 'vitest/config';

/**
 * Two projects, one `npm test`: "node" runs everything on Node; "workers"
 * (vitest.workers.config.ts) runs tests/worker/** inside workerd against D1.
 */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/worker/**', 'tests/browser/**', '**/node_modules/**'],
        },
      },
      './vitest.workers.config.ts',
    ],
  },
});
