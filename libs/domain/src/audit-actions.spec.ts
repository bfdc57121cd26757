import { AUDIT_ACTIONS, AUDIT_KINDS, auditEntityLabel, auditKindMembers, auditKindOf, describeAuditAction } from './audit-actions';

describe('audit actions: labels and kinds', () => {
  it('labels a known action in each language, with its kind', () => {
    expect(describeAuditAction('report.submit', 'progress_report')).toEqual({ kind: 'REPORTING', label: '报送进展报告', known: true });
    expect(describeAuditAction('SIGN_IN_FAILED', 'sign_in', 'zhHant').label).toBe('登入失敗');
    expect(describeAuditAction('SET_AGENCY_WEBHOOK', 'agency_webhook', 'en')).toEqual({
      kind: 'SETTINGS',
      label: 'Set a unit’s robot address',
      known: true,
    });
  });

  it('gives an unknown action its entity’s kind and a label naming both', () => {
    expect(describeAuditAction('user.rename', 'user')).toEqual({ kind: 'ACCOUNT', label: '账号: user.rename', known: false });
    expect(describeAuditAction('frobnicate', 'nothing_known')).toEqual({ kind: 'OTHER', label: 'frobnicate', known: false });
    expect(auditEntityLabel('supervision_item', 'en')).toBe('Follow-up item');
    expect(auditEntityLabel('mystery')).toBe('mystery');
  });

  it('splits every known action into exactly one kind, as the SQL filter does', () => {
    const all = Object.keys(AUDIT_ACTIONS);
    const counted = AUDIT_KINDS.flatMap((k) => auditKindMembers(k).actions);
    expect(counted.sort()).toEqual([...all].sort());
    for (const kind of AUDIT_KINDS) {
      const m = auditKindMembers(kind);
      for (const action of m.actions) expect(auditKindOf(action, null)).toBe(kind);
      for (const entity of m.entities) expect(auditKindOf('not-in-table', entity)).toBe(kind);
    }
  });

  it('writes every label in all three languages', () => {
    for (const info of Object.values(AUDIT_ACTIONS)) {
      expect(info.zhHans && info.zhHant && info.en).toBeTruthy();
      expect(info.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('audit actions: every action the API writes has words', () => {
  // What the API writes: `action: 'x'` (and `action: c ? 'x' : 'y'`) in its services, and the
  // action column of audit rows inserted in SQL (`SELECT '<user>', '<action>', '<entity>', …`).
  const { readdirSync, readFileSync, statSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const apiSrc = join(__dirname, '../../../apps/api/src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
    });
  const written = new Set<string>();
  for (const file of files(apiSrc)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*(?:[^,'\n]*\?\s*)?'([^']+)'(?:\s*:\s*'([^']+)')?/g)) {
      written.add(m[1]);
      if (m[2]) written.add(m[2]);
    }
    for (const m of text.matchAll(/SELECT\s+'[^']*',\s*'([^']+)',\s*'[a-z_]+'/g)) written.add(m[1]);
  }

  // Only code-like names (a filter's Chinese field name `action: '操作'` is no action).
  for (const name of [...written]) if (!/^[A-Za-z_.]+$/.test(name)) written.delete(name);

  it('finds the actions (the scan works)', () => {
    expect(written.has('report.attach')).toBe(true);
    expect(written.has('demo.create')).toBe(true);
    expect(written.has('user.deactivate')).toBe(true);
    expect(written.size).toBeGreaterThan(40);
  });

  it('has words in every language for each of them', () => {
    const missing = [...written].filter((action) => !describeAuditAction(action, null).known).sort();
    expect(missing).toEqual([]);
    for (const action of written) {
      const info = AUDIT_ACTIONS[action];
      expect([info.zhHans, info.zhHant, info.en].every((words) => words.trim() && words !== action)).toBe(true);
    }
  });
});
