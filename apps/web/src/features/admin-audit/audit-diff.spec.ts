import { changedCount, diffSnapshots, parseSnapshot } from './audit-diff';

describe('diffSnapshots (before/after side by side)', () => {
  it('marks changed, added and removed keys, and leaves equal ones plain', () => {
    const rows = diffSnapshots(
      '{"status":"DRAFT","version":1,"progress":"进行中","gone":true}',
      '{"status":"SUBMITTED","version":2,"progress":"进行中","new":"x"}',
    );
    expect(rows.map((r) => [r.key, r.before, r.after, r.change])).toEqual([
      ['status', 'DRAFT', 'SUBMITTED', 'changed'],
      ['version', '1', '2', 'changed'],
      ['progress', '进行中', '进行中', 'same'],
      ['gone', 'true', '', 'removed'],
      ['new', '', 'x', 'added'],
    ]);
    expect(changedCount(rows)).toBe(4);
  });

  it('shows a creation (no before) and a removal (no after) as all added or all removed', () => {
    expect(diffSnapshots(null, '{"quota":120}')).toEqual([{ key: 'quota', before: '', after: '120', changed: true, change: 'added' }]);
    expect(
      diffSnapshots('{"kind":"WECOM","url":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***"}', null).map((r) => r.change),
    ).toEqual(['removed', 'removed']);
    expect(diffSnapshots(null, null)).toEqual([]);
  });

  it('compares nested values as a whole, ignoring key order', () => {
    const rows = diffSnapshots('{"values":[{"a":1,"b":2}],"t":{"x":1,"y":2}}', '{"values":[{"b":2,"a":1}],"t":{"y":2,"x":1}}');
    expect(rows.every((r) => !r.changed)).toBe(true);
    const changed = diffSnapshots('{"trajectory":[0.1,0.3,0.5,1]}', '{"trajectory":null}');
    expect(changed[0]).toMatchObject({ before: '[ 0.1, 0.3, 0.5, 1 ]', after: 'null', change: 'changed' });
  });

  it('keeps masked values exactly as recorded', () => {
    const masked = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***';
    expect(diffSnapshots(`{"url":"${masked}"}`, `{"url":"${masked}"}`)[0]).toMatchObject({ before: masked, after: masked, changed: false });
  });

  it('reads text that is not an object (or not JSON) as one value rather than failing', () => {
    expect(parseSnapshot('42')).toEqual({ value: 42 });
    expect(parseSnapshot('not json')).toEqual({ value: 'not json' });
    expect(parseSnapshot('null')).toBeNull();
    expect(parseSnapshot('')).toBeNull();
  });
});
