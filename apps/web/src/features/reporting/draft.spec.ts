import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { classifyWriteError, EMPTY_FIELDS, fieldsFromReport, planSave, sameFields, type DraftFields } from './draft';

const ts = { id: 'ts', name: '台山市' };
const rows = [{ key: 't7/ts', targetId: 't7', county: ts }];
const context = { measureId: 'm7', periodId: 'p', agencyId: 'ts', rows };
const fields = (patch: Partial<DraftFields>): DraftFields => ({ ...EMPTY_FIELDS, ...patch });
const graphqlError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });

describe('planSave', () => {
  it('has nothing to send when the form matches the server', () => {
    expect(planSave({ report: null, fields: EMPTY_FIELDS, saved: EMPTY_FIELDS }, context)).toBeNull();
    const same = fields({ progress: '已开展', figures: { 't7/ts': '120' } });
    expect(
      planSave({ report: { id: 'r', version: 2 }, fields: { ...same, figures: { 't7/ts': '120.0' } }, saved: same }, context),
    ).toBeNull();
  });

  it('creates the report on the first save, with the unit, measure and period', () => {
    const plan = planSave(
      { report: null, fields: fields({ progress: '已开展', figures: { 't7/ts': '120' } }), saved: EMPTY_FIELDS },
      context,
    );
    expect(plan?.input).toEqual({
      measureId: 'm7',
      periodId: 'p',
      agencyId: 'ts',
      progress: '已开展',
      problems: '',
      nextSteps: '',
      values: [{ targetId: 't7', countyId: 'ts', value: 120 }],
    });
    expect(plan?.figureKeys).toEqual(['t7/ts']);
  });

  it('updates the version read afterwards, and leaves the figures alone when they did not change', () => {
    const saved = fields({ progress: 'a', figures: { 't7/ts': '120' } });
    const plan = planSave({ report: { id: 'r', version: 3 }, fields: { ...saved, progress: 'ab', unitStatus: 'AT_RISK' }, saved }, context);
    expect(plan?.input).toEqual({ id: 'r', version: 3, progress: 'ab', problems: '', nextSteps: '', unitStatus: 'AT_RISK' });
    expect(plan?.sent.figures).toEqual({ 't7/ts': '120' });
  });

  it('clears a figure by sending the set without it', () => {
    const saved = fields({ figures: { 't7/ts': '120' } });
    const plan = planSave({ report: { id: 'r', version: 1 }, fields: fields({ figures: { 't7/ts': '' } }), saved }, context);
    expect(plan?.input.values).toEqual([]);
  });

  it('saves the texts but holds back figures that are not valid numbers', () => {
    const plan = planSave(
      { report: { id: 'r', version: 1 }, fields: fields({ progress: 'x', figures: { 't7/ts': '12a' } }), saved: EMPTY_FIELDS },
      context,
    );
    expect(plan?.input.values).toBeUndefined();
    expect(plan?.sent.figures).toEqual({});
    expect(planSave({ report: null, fields: fields({ figures: { 't7/ts': '-3' } }), saved: EMPTY_FIELDS }, context)).toBeNull();
  });
});

describe('sameFields and fieldsFromReport', () => {
  it('compares figures as numbers', () => {
    expect(sameFields(fields({ figures: { 't7/ts': '1,200' } }), fields({ figures: { 't7/ts': '1200' } }), rows)).toBe(true);
    expect(sameFields(fields({ figures: { 't7/ts': '' } }), EMPTY_FIELDS, rows)).toBe(true);
    expect(sameFields(fields({ figures: { 't7/ts': 'x' } }), EMPTY_FIELDS, rows)).toBe(false);
  });
  it('reads a saved report into the form', () => {
    const report = {
      id: 'r',
      version: 1,
      status: 'DRAFT' as const,
      progress: 'p',
      problems: 'q',
      nextSteps: 'n',
      unitStatus: 'DONE' as const,
      reviewComment: null,
      updatedAt: '',
      values: [{ target: { id: 't7' }, county: { id: 'ts' }, value: 5 }],
    };
    expect(fieldsFromReport(report)).toEqual({
      progress: 'p',
      problems: 'q',
      nextSteps: 'n',
      unitStatus: 'DONE',
      figures: { 't7/ts': '5' },
    });
  });
});

describe('classifyWriteError', () => {
  it('recognises a stale version, and a report another tab created', () => {
    expect(classifyWriteError(graphqlError('报告已被他人修改', { code: 'CONFLICT', currentVersion: 4 }))).toEqual({
      kind: 'conflict',
      reportId: null,
      status: null,
    });
    expect(classifyWriteError(graphqlError('已有报告', { code: 'CONFLICT', reportId: 'r9', currentVersion: 1 }))).toMatchObject({
      kind: 'conflict',
      reportId: 'r9',
    });
    expect(classifyWriteError(graphqlError('已提交', { code: 'CONFLICT', status: 'SUBMITTED' }))).toMatchObject({ status: 'SUBMITTED' });
  });

  it('places a refused figure at its cell, by index or by the validator’s path', () => {
    const keys = ['t7/pj', 't7/ts'];
    expect(classifyWriteError(graphqlError('第 2 项数据重复', { code: 'BAD_USER_INPUT', field: 'values', index: 1 }), keys)).toEqual({
      kind: 'invalid',
      target: 't7/ts',
      message: { text: '第 2 项数据重复' },
    });
    expect(classifyWriteError(graphqlError('values.0.数据不能为负数', { code: 'BAD_USER_INPUT', validation: [] }), keys)).toEqual({
      kind: 'invalid',
      target: 't7/pj',
      message: { text: '数据不能为负数' },
    });
  });

  it('places other refused input at its field, or on the form', () => {
    expect(classifyWriteError(graphqlError('请先填写工作进展再提交', { code: 'BAD_USER_INPUT', field: 'progress' }))).toMatchObject({
      target: 'progress',
    });
    expect(classifyWriteError(graphqlError('新建报告须指定 agencyId', { code: 'BAD_USER_INPUT', field: 'agencyId' }))).toMatchObject({
      target: 'form',
    });
  });

  it('tells refusals (no retry) from failures worth retrying', () => {
    expect(classifyWriteError(graphqlError('只能为本单位填报', { code: 'FORBIDDEN' }))).toEqual({
      kind: 'refused',
      message: { text: '只能为本单位填报' },
    });
    expect(classifyWriteError(graphqlError('x', { code: 'UNAUTHENTICATED' }))).toEqual({
      kind: 'refused',
      message: { key: 'session.expired' },
    });
    expect(classifyWriteError(new TypeError('Failed to fetch'))).toEqual({ kind: 'failed', message: { key: 'report.save.network' } });
    const down = new ServerError('Bad Gateway', { response: { status: 502 } as Response, bodyText: '' });
    expect(classifyWriteError(down)).toMatchObject({ kind: 'failed', message: { key: 'report.save.network' } });
  });
});
