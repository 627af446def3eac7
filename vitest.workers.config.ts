import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';

/**
 * The "workers" project: tests/worker/** run inside workerd (miniflare), with
 * a local D1 bound as DB. Migrations are read here, in Node, from the same
 * folder `migrate` and wrangler use, and handed to the tests as a binding.
 */
export default defineProject(async () => ({
  plugins: [
    cloudflareTest({
      miniflare: {
        compatibilityDate: '2026-04-01',
        compatibilityFlags: ['nodejs_compat'],
        d1Databases: ['DB'],
        bindings: { TEST_MIGRATIONS: await readD1Migrations('src/store/migrations') },
      },
    }),
  ],
  test: {
    name: 'workers',
    include: ['tests/worker/**/*.test.ts'],
  },
}));
