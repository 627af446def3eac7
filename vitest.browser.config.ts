import { defineConfig } from 'vitest/config';

/**
 * `npm run test:browser`: tests/browser/** in headless Chromium (Debian's
 * /usr/bin/chromium, driven by playwright-core). Kept out of `npm test`, which
 * must pass on a machine without a browser; .ci/run runs both.
 */
export default defineConfig({
  test: {
    name: 'browser',
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time: the machine is small and each browser is a few processes.
    fileParallelism: false,
  },
});
