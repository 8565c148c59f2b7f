import { describe, expect, it } from 'vitest';
import { classifyAddress, isMetadataHostname, parseIPv4 } from './address-class';

describe('classifyAddress', () => {
  it.each([
    // IPv4, dotted
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    // IPv4, other spellings of the same addresses
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0x7f.0.0.1', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['127.1', 'loopback'],
    ['0', 'unspecified'],
    ['2852039166', 'metadata'],
    ['0251.0376.0251.0376', 'metadata'],
    ['0xa9.0xfe.0xa9.0xfe', 'metadata'],
    ['3232235777', 'private'],
    ['134744072', 'public'],
    // IPv6
    ['2606:4700:4700::1111', 'public'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['[::1]', 'loopback'],
    // IPv6 carrying IPv4
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'metadata'],
    // Not addresses
    ['256.0.0.1', 'invalid'],
    ['1.2.3.4.5', 'invalid'],
    ['08.0.0.1', 'invalid'],
    ['example.com', 'invalid'],
    ['1::2::3', 'invalid'],
    ['::ffff:300.0.0.1', 'invalid'],
    ['12345::', 'invalid'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('reads inet_aton forms as the address they mean', () => {
    expect(parseIPv4('127.1')).toBe(2130706433);
    expect(parseIPv4('10.0x10000')).toBe(167837696);
    expect(parseIPv4('1.2.65536')).toBeNull();
  });

  it('knows the metadata host names', () => {
    expect(['metadata.google.internal', 'METADATA.GOOGLE.INTERNAL.', 'metadata', 'instance-data'].map(isMetadataHostname)).toEqual([true, true, true, true]);
    expect(isMetadataHostname('hooks.slack.com')).toBe(false);
  });
});
