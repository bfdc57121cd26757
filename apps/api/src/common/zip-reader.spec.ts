import { buildZip, repeatedDeflate, ROW } from '../../test/support/zip-builder';
import { inflateEntry, readZipDirectory, ZipLimits, ZipRefused } from './zip-reader';

const LIMITS: ZipLimits = { maxEntries: 10, maxTotalBytes: 10 * 1024 * 1024, maxRatio: 100, ratioFloorBytes: 1024 * 1024 };

/** The reason a call is refused with (fails the test when it is not refused). */
async function reason(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ZipRefused) return error.reason;
    throw error;
  }
  throw new Error('not refused');
}

describe('reading a zip before inflating it', () => {
  it('lists the entries of an honest archive and inflates them to exactly their bytes', async () => {
    const zip = buildZip([
      { name: 'a.xml', data: '<a>' + 'x'.repeat(5000) + '</a>' },
      { name: '目录/b.txt', data: '你好', store: true },
    ]);
    const entries = readZipDirectory(zip, LIMITS);
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['a.xml', 8, 5007],
      ['目录/b.txt', 0, 6],
    ]);
    expect((await inflateEntry(zip, entries[0])).toString()).toBe('<a>' + 'x'.repeat(5000) + '</a>');
    expect((await inflateEntry(zip, entries[1])).toString()).toBe('你好');
  });

  it('refuses, from the directory alone, what a bomb or a trick looks like', async () => {
    const many = buildZip([...Array(11).keys()].map((i) => ({ name: `${i}.xml`, data: 'x' })));
    const bomb = repeatedDeflate(ROW, 35_000_000); // ~210 MB declared honestly, ~300 KB compressed
    const zip = (declare: object, name = 'x.xml') => buildZip([{ name, data: 'x'.repeat(100), declare }]);
    const cases: [string, Buffer, string][] = [
      ['not a zip', Buffer.from('PK\u0003\u0004 just some bytes'), 'NOT_ZIP'],
      ['too many entries', many, 'TOO_MANY_ENTRIES'],
      ['hundreds of MB declared', buildZip([{ name: 'xl/worksheets/sheet1.xml', deflated: bomb }]), 'TOO_LARGE'],
      ['a ratio of 1000:1', buildZip([{ name: 's.xml', deflated: repeatedDeflate(ROW, 500_000) }]), 'RATIO'],
      ['encrypted', zip({ flags: 0x801 }), 'ENCRYPTED'],
      ['bzip2', zip({ method: 12 }), 'METHOD'],
      ['ZIP64 sizes', zip({ size: 0xffffffff }), 'ZIP64'],
      [
        'two entries of one name',
        buildZip([
          { name: 'a', data: '1' },
          { name: 'a', data: '2' },
        ]),
        'DUPLICATE',
      ],
      ['bytes before the archive', Buffer.concat([Buffer.from('MZ'), zip({})]), 'CORRUPT'],
      ['data longer than the file', zip({ compressedSize: 100_000 }), 'CORRUPT'],
    ];
    expect(bomb.compressed.length).toBeLessThan(400 * 1024);
    for (const [label, buf, expected] of cases)
      expect({ label, reason: await reason(() => readZipDirectory(buf, LIMITS)) }).toEqual({ label, reason: expected });
  });

  it('stops inflating as soon as an entry passes its declared size', async () => {
    const liar = buildZip([{ name: 's.xml', deflated: repeatedDeflate(ROW, 35_000_000), declare: { size: 500_000 } }]); // ~210 MB inside
    const [entry] = readZipDirectory(liar, { ...LIMITS, maxRatio: 10_000 });
    const started = Date.now();
    let seen = 0;
    expect(await reason(() => inflateEntry(liar, entry, (c) => (seen += c.length)))).toBe('SIZE_MISMATCH');
    expect(seen).toBeLessThanOrEqual(500_000);
    expect(Date.now() - started).toBeLessThan(8000); // a bound for a loaded CI machine, not the figure
  });

  it('refuses an entry shorter than declared, a wrong checksum and a refusal from the reader of the chunks', async () => {
    const entryOf = (declare: object) => {
      const zip = buildZip([{ name: 'a.xml', data: 'y'.repeat(1000), declare }]);
      return [zip, readZipDirectory(zip, LIMITS)[0]] as const;
    };
    expect(await reason(() => inflateEntry(...entryOf({ size: 2000 })))).toBe('SIZE_MISMATCH');
    expect(await reason(() => inflateEntry(...entryOf({ crc: 1234 })))).toBe('CHECKSUM');
    const [zip, entry] = entryOf({});
    expect(
      await reason(() =>
        inflateEntry(zip, entry, () => {
          throw new ZipRefused('CONTENT', '够了');
        }),
      ),
    ).toBe('CONTENT');
  });
});
