import { describe, expect, it } from 'vitest';
import { checkUrlAllowed, whyNotPublic } from './ssrf-guard.ts';

const policy = (addresses: string[], allowNetworks: string[] = []) => ({
  resolveHost: async () => addresses,
  allowNetworks,
});

describe('whyNotPublic', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b:1::a00:1', 'NAT64 local-use'],
  ])('refuses %s (%s)', (address, range) => {
    expect(whyNotPublic(address)).toContain(range);
  });

  // Issue 10 item 4: each IPv6 form that carries an IPv4 address is judged by that address.
  it.each([
    ['::7f00:1', 'loopback', 'IPv4-compatible'], // what the URL parser makes of [::127.0.0.1]
    ['::a9fe:a9fe', 'link-local', 'IPv4-compatible'],
    ['::ffff:0:a00:1', 'private', 'IPv4-translated'],
    ['64:ff9b::7f00:1', 'loopback', 'NAT64'],
    ['64:ff9b::a9fe:a9fe', 'link-local', 'NAT64'],
    ['2002:7f00:1::1', 'loopback', '6to4'],
    ['2002:a9fe:a9fe::', 'link-local', '6to4'],
    // Teredo: server 65.54.227.120, client 127.0.0.1 stored inverted (0x80ff:fffe).
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback', 'Teredo client'],
    ['2001:0:a00:1::', 'private', 'Teredo server'],
  ])('refuses %s, which carries a %s IPv4 address (%s)', (address, range, form) => {
    const why = whyNotPublic(address);
    expect(why).toContain(range);
    expect(why).toContain(form);
  });

  it('accepts the same forms when the IPv4 address they carry is public', () => {
    expect(whyNotPublic('64:ff9b::5db8:d822')).toBeUndefined(); // NAT64 of 93.184.216.34
    expect(whyNotPublic('2002:5db8:d822::1')).toBeUndefined(); // 6to4 of 93.184.216.34
    expect(whyNotPublic('::ffff:93.184.216.34')).toBeUndefined();
  });

  it('accepts public unicast addresses and those inside an allowed network', () => {
    expect(whyNotPublic('93.184.216.34')).toBeUndefined();
    expect(whyNotPublic('2606:4700::1111')).toBeUndefined();
    expect(whyNotPublic('127.0.0.1', ['127.0.0.1/32'])).toBeUndefined();
    expect(whyNotPublic('::ffff:127.0.0.1', ['127.0.0.1/32'])).toBeUndefined();
    expect(whyNotPublic('10.1.2.3', ['10.0.0.0/8'])).toBeUndefined();
    expect(whyNotPublic('fd12::5', ['fd00::/8'])).toBeUndefined();
    expect(whyNotPublic('127.0.0.2', ['127.0.0.1/32'])).toContain('loopback');
  });

  // Issue 10 item 5: a broad allowlist entry never opens link-local or the metadata service.
  it('keeps link-local and metadata refused unless an entry lies inside their range', () => {
    expect(whyNotPublic('169.254.169.254', ['0.0.0.0/0'])).toContain('link-local');
    expect(whyNotPublic('::ffff:169.254.169.254', ['0.0.0.0/0'])).toContain('link-local');
    expect(whyNotPublic('fe80::1', ['::/0'])).toContain('link-local');
    expect(whyNotPublic('fd00:ec2::254', ['fd00::/8'])).toContain('unique-local');
    expect(whyNotPublic('10.0.0.1', ['0.0.0.0/0'])).toBeUndefined();
    expect(whyNotPublic('169.254.169.254', ['169.254.169.254/32'])).toBeUndefined();
    expect(whyNotPublic('fd00:ec2::254', ['fd00:ec2::254/128'])).toBeUndefined();
  });
});

describe('checkUrlAllowed', () => {
  it('refuses a name when any of its addresses is private', async () => {
    await expect(
      checkUrlAllowed(new URL('https://mixed.example/'), policy(['93.184.216.34', '10.0.0.1'])),
    ).rejects.toThrow('mixed.example resolves to 10.0.0.1, a private address');
  });

  it('refuses literal private hosts in every spelling the URL parser accepts', async () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::ffff:7f00:1]/',
      'http://169.254.169.254/',
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://[2002:7f00:1::]/',
    ]) {
      await expect(checkUrlAllowed(new URL(url), policy([]))).rejects.toThrow(/is a (loopback|link-local)/);
    }
  });

  it('names OUTBOUND_ALLOW_NETWORKS in the refusal and lets listed networks through', async () => {
    await expect(checkUrlAllowed(new URL('http://10.0.0.1/'), policy([]))).rejects.toThrow(/OUTBOUND_ALLOW_NETWORKS/);
    await expect(checkUrlAllowed(new URL('http://10.0.0.1/'), policy([], ['10.0.0.0/8']))).resolves.toBeUndefined();
    await expect(checkUrlAllowed(new URL('http://169.254.169.254/'), policy([], ['0.0.0.0/0']))).rejects.toThrow(
      /link-local/,
    );
  });

  it('refuses other schemes and unresolvable names', async () => {
    await expect(checkUrlAllowed(new URL('ftp://x.example/'), policy([]))).rejects.toThrow(/only http and https/);
    const failing = { resolveHost: async () => Promise.reject(new Error('ENOTFOUND')) };
    await expect(checkUrlAllowed(new URL('http://nowhere.example/'), failing)).rejects.toThrow(
      'cannot resolve nowhere.example: ENOTFOUND',
    );
    await expect(checkUrlAllowed(new URL('https://ok.example/'), policy(['93.184.216.34']))).resolves.toBeUndefined();
  });
});
