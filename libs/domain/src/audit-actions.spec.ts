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
