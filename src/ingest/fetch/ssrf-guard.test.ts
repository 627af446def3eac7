import { describe, expect, it } from 'vitest';
import { checkUrlAllowed, whyNotPublic } from './ssrf-guard.ts';

const policy = (addresses: string[], extra = {}) => ({
  resolveHost: async () => addresses,
  allowPrivateNetworks: false,
  ...extra,
});

describe('whyNotPublic', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['64:ff9b::a00:1', 'rfc6052'],
  ])('refuses %s (%s)', (address, range) => {
    expect(whyNotPublic(address)).toBe(range);
  });

  it('accepts public unicast addresses and explicitly allowed ones', () => {
    expect(whyNotPublic('93.184.216.34')).toBeUndefined();
    expect(whyNotPublic('2606:4700::1111')).toBeUndefined();
    expect(whyNotPublic('127.0.0.1', ['127.0.0.1'])).toBeUndefined();
    expect(whyNotPublic('::ffff:127.0.0.1', ['127.0.0.1'])).toBeUndefined();
  });
});

describe('checkUrlAllowed', () => {
  it('refuses a name when any of its addresses is private', async () => {
    await expect(
      checkUrlAllowed(new URL('https://mixed.example/'), policy(['93.184.216.34', '10.0.0.1'])),
    ).rejects.toThrow('mixed.example resolves to 10.0.0.1, a private address');
  });

  it('refuses literal private hosts in every spelling the URL parser accepts', async () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://[::ffff:7f00:1]/', 'http://169.254.169.254/']) {
      await expect(checkUrlAllowed(new URL(url), policy([]))).rejects.toThrow(/is a (loopback|link-local)/);
    }
  });

  it('refuses other schemes, unresolvable names, and allows everything when configured to', async () => {
    await expect(checkUrlAllowed(new URL('ftp://x.example/'), policy([]))).rejects.toThrow(/only http and https/);
    const failing = { resolveHost: async () => Promise.reject(new Error('ENOTFOUND')), allowPrivateNetworks: false };
    await expect(checkUrlAllowed(new URL('http://nowhere.example/'), failing)).rejects.toThrow(
      'cannot resolve nowhere.example: ENOTFOUND',
    );
    await expect(
      checkUrlAllowed(new URL('http://10.0.0.1/'), policy([], { allowPrivateNetworks: true })),
    ).resolves.toBeUndefined();
    await expect(checkUrlAllowed(new URL('https://ok.example/'), policy(['93.184.216.34']))).resolves.toBeUndefined();
  });
});
