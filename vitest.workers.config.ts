import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';

/**
 * The "workers" project: tests/worker/** run inside workerd (miniflare), with
 * the bindings of wrangler.toml (a local D1 as DB). Migrations are read here, in Node, from the same
 * folder `migrate` and wrangler use, and handed to the tests as a binding.
 */
export default defineProject(async () => ({
  plugins: [
    cloudflareTest({
      // Bindings, compatibility date and flags, main: as deployed.
      wrangler: { configPath: './wrangler.toml' },
      miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations('src/store/migrations') } },
    }),
  ],
  test: {
    name: 'workers',
    include: ['tests/worker/**/*.test.ts'],
    // postcss (under sanitize-html) require()s nanoid/non-secure, which the pool's module loader
    // resolves to nanoid's ESM build and hands back as undefined; pre-bundled with esbuild (as
    // wrangler bundles the worker) it loads.
    deps: { optimizer: { ssr: { enabled: true, include: ['sanitize-html'] } } },
    // Node side of the ingest tests: a real feed server on 127.0.0.1 and Node's parse results.
    globalSetup: ['tests/worker/feed-server.setup.ts'],
  },
}));
