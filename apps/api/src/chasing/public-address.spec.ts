import { canonicalIp, isPublicAddress } from './public-address';

describe('isPublicAddress', () => {
  it.each([
    // Public unicast, IPv4 and IPv6 (incl. mapped / NAT64 / 6to4 forms of a public IPv4).
    '1.1.1.1',
    '8.8.8.8',
    '101.91.22.57',
    '100.63.255.255', // just below CGNAT
    '100.128.0.0', // just above CGNAT
    '172.15.255.255', // just below 172.16/12
    '172.32.0.0', // just above
    '169.253.255.255',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255', // last before multicast
    '2400:cb00::1',
    '2408:8000::1',
    '2001:4860:4860::8888', // outside 2001::/23
    '::ffff:8.8.8.8',
    '[::ffff:8.8.8.8]',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it.each([
    // IPv4 ranges
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.0.1', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', '6to4 relay'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    // Other spellings of loopback / metadata / private, judged as what they are
    ['2130706433', 'decimal 127.0.0.1'],
    ['0x7f000001', 'hex 127.0.0.1'],
    ['0x7f.1', 'hex short 127.0.0.1'],
    ['0177.0.0.1', 'octal 127.0.0.1'],
    ['127.1', 'short 127.0.0.1'],
    ['0x7f.0.0.1', 'hex first part'],
    ['2852039166', 'decimal 169.254.169.254'],
    ['0xa9.0xfe.0xa9.0xfe', 'hex 169.254.169.254'],
    ['012.1', 'octal 10.0.0.1'],
    ['0', 'decimal 0.0.0.0'],
    // IPv6
    ['::1', 'loopback'],
    ['[::1]', 'loopback, bracketed'],
    ['0:0:0:0:0:0:0:1', 'loopback, long form'],
    ['::', 'unspecified'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['[::ffff:127.0.0.1]', 'IPv4-mapped loopback, bracketed'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback in hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of metadata'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2002:a00:1::', '6to4 of 10.0.0.1'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local (deprecated)'],
    ['ff02::1', 'multicast'],
    ['ff0e::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation (RFC 9637)'],
    ['2001::1', 'Teredo'],
    ['2001:2::1', 'benchmarking'],
    ['100::1', 'discard-only'],
    ['fe80::1%eth0', 'zone id'],
    // Not an address at all
    ['localhost', 'a name'],
    ['qyapi.weixin.qq.com', 'a name'],
    ['', 'empty'],
    ['1.2.3.4.5', 'too many parts'],
    ['256.1.1.1', 'out of range'],
    ['127.0.0.1:80', 'with a port'],
    ['1.1.1.1/32', 'a range'],
    ['user@1.1.1.1', 'with userinfo'],
  ])('%s is refused (%s)', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it('judges every spelling as the canonical address it is', () => {
    expect(canonicalIp('0x7f.1')).toBe('127.0.0.1');
    expect(canonicalIp('2130706433')).toBe('127.0.0.1');
    expect(canonicalIp('0177.0.0.1')).toBe('127.0.0.1');
    expect(canonicalIp('[::ffff:127.0.0.1]')).toBe('::ffff:7f00:1');
    expect(canonicalIp('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonicalIp('example.com')).toBeNull();
  });
});
