import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      databasePath: 'data/tidings.db',
      feedsDir: 'feeds',
      publicUrl: 'http://localhost:8787',
      siteUrl: 'http://localhost:8787',
      siteIsExternal: false,
      publishSchedule: '* * * * *',
      feedItems: 50,
      feedMaxAge: 60,
      seedSampleContent: true,
      relatedLinks: 5,
    });
    expect(config.ingest).toMatchObject({ schedule: '*/5 * * * *', concurrency: 8 });
    expect(config.outboundAllowNetworks).toEqual([]);
    expect(config.adminToken).toBeUndefined();
  });

  it('names every bad value in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', FEED_ITEMS: '0', PUBLIC_URL: 'ftp://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', FEED_ITEMS: '0', PUBLIC_URL: 'ftp://x' })).toThrow(
      /PORT: .*; .*PUBLIC_URL: .*; FEED_ITEMS: /,
    );
  });

  it('takes RELATED_LINKS from 1 to 20, the links stored per article', () => {
    expect(loadConfig({ RELATED_LINKS: '20' }).relatedLinks).toBe(20);
    expect(() => loadConfig({ RELATED_LINKS: '0' })).toThrow(/RELATED_LINKS: /);
    expect(() => loadConfig({ RELATED_LINKS: '21' })).toThrow(/RELATED_LINKS: .*20/);
    expect(() => loadConfig({ RELATED_LINKS: 'five' })).toThrow(/RELATED_LINKS: /);
  });

  it('refuses to run in production without an admin token, and takes no short one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ADMIN_TOKEN is required when NODE_ENV=production/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN: .*16/);
  });

  it('treats empty values as unset and trims a trailing slash from URLs', () => {
    const config = loadConfig({ PORT: '', SITE_URL: 'https://www.publisher.example/' });
    expect(config.port).toBe(8787);
    expect(config.siteUrl).toBe('https://www.publisher.example');
    expect(config.siteIsExternal).toBe(true);
  });

  it("keeps our WebSub hub's default lease within its bounds", () => {
    expect(loadConfig({}).websub).toEqual({
      lease: { defaultSeconds: 864_000, minSeconds: 3_600, maxSeconds: 2_592_000 },
      concurrency: 16,
      maxAttempts: 6,
      retrySeconds: 60,
      timeoutMs: 10_000,
      requestsPerHour: 600,
      forgetAfterDays: 7,
    });
    expect(() => loadConfig({ WEBSUB_REQUESTS_PER_HOUR: '0' })).toThrow(/WEBSUB_REQUESTS_PER_HOUR/);
    const squeezed = loadConfig({ WEBSUB_LEASE_SECONDS: '100000', WEBSUB_MAX_LEASE_SECONDS: '7200' }).websub.lease;
    expect(squeezed).toEqual({ defaultSeconds: 7200, minSeconds: 3600, maxSeconds: 7200 });
    expect(() => loadConfig({ WEBSUB_CONCURRENCY: '0' })).toThrow(/WEBSUB_CONCURRENCY/);
  });
});

describe('OUTBOUND_ALLOW_NETWORKS and NODE_ENV (issue 10 items 5, 7)', () => {
  it('reads a comma-separated CIDR list and names an entry that is not one', () => {
    expect(loadConfig({ OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32, 10.0.0.0/8,fd00::/8' }).outboundAllowNetworks).toEqual([
      '127.0.0.1/32',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32,localhost' })).toThrow(
      /OUTBOUND_ALLOW_NETWORKS: "localhost" is not a network/,
    );
  });

  it('refuses the old INGEST_ALLOW_PRIVATE_NETWORKS, whatever its value, naming its replacement', () => {
    for (const value of ['true', 'false']) {
      expect(() => loadConfig({ INGEST_ALLOW_PRIVATE_NETWORKS: value })).toThrow(
        /INGEST_ALLOW_PRIVATE_NETWORKS is gone; set OUTBOUND_ALLOW_NETWORKS/,
      );
    }
  });

  it.each(['production', 'Production', 'PRODUCTION', 'prod', ' Prod '])('treats NODE_ENV=%s as production', (value) => {
    expect(() => loadConfig({ NODE_ENV: value })).toThrow(/ADMIN_TOKEN is required/);
  });

  it('treats other NODE_ENV values as development', () => {
    expect(() => loadConfig({ NODE_ENV: 'development' })).not.toThrow();
    expect(() => loadConfig({ NODE_ENV: 'test' })).not.toThrow();
  });

  it('gives the HTTP server timeouts, and refuses a headers bound longer than the request bound', () => {
    expect(loadConfig({}).serverTimeouts).toEqual({
      headersMs: 10_000,
      requestMs: 30_000,
      keepAliveMs: 5_000,
      idleMs: 30_000,
    });
    expect(loadConfig({ HTTP_IDLE_TIMEOUT_MS: '800' }).serverTimeouts.idleMs).toBe(800);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_MS: 'soon' })).toThrow(/HTTP_KEEP_ALIVE_TIMEOUT_MS: /);
  });

  it('reads EMBED_HOSTS as lower-case host names, for the sanitizer and for ingest, and names a bad entry', () => {
    const config = loadConfig({ EMBED_HOSTS: 'www.YouTube.com, player.vimeo.com,' });
    expect(config.embedHosts).toEqual(['www.youtube.com', 'player.vimeo.com']);
    expect(config.ingest.embedHosts).toEqual(['www.youtube.com', 'player.vimeo.com']);
    expect(loadConfig({}).embedHosts).toEqual([]);
    expect(() => loadConfig({ EMBED_HOSTS: 'https://www.youtube.com/' })).toThrow(
      /EMBED_HOSTS: "https:\/\/www\.youtube\.com\/" is not a host name/,
    );
  });
});
