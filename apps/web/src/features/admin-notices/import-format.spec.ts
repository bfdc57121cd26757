import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { extractOutcome, importFailure, lineCount, selectLine } from './import-format';

const gqlError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });

describe('extractOutcome', () => {
  it('takes the text, format and pages of a good answer', () => {
    expect(extractOutcome(true, { text: '关于…的通知', format: 'pdf', pages: 3 }, 'x')).toEqual({
      kind: 'text',
      text: '关于…的通知',
      format: 'pdf',
      pages: 3,
    });
    expect(extractOutcome(true, { text: '', format: 'txt', pages: null }, 'x')).toEqual({
      kind: 'text',
      text: '',
      format: 'txt',
      pages: null,
    });
  });

  it('words a refusal with the API’s message, else the fallback', () => {
    expect(extractOutcome(false, { code: 'UNSUPPORTED_MEDIA_TYPE', message: '只支持 docx、pdf、txt 文件' }, 'x')).toEqual({
      kind: 'refused',
      message: '只支持 docx、pdf、txt 文件',
    });
    expect(extractOutcome(false, null, '413 Payload Too Large')).toEqual({ kind: 'refused', message: '413 Payload Too Large' });
    expect(extractOutcome(true, { message: '' }, 'fallback')).toEqual({ kind: 'refused', message: 'fallback' });
  });
});

describe('importFailure', () => {
  it('names the line of a BAD_USER_INPUT, without saying 第N行 twice', () => {
    expect(importFailure(gqlError('第12行：找不到措施编号', { code: 'BAD_USER_INPUT', line: 12 }))).toEqual({
      kind: 'line',
      line: 12,
      message: '找不到措施编号',
    });
    expect(importFailure(gqlError('不是通知', { code: 'BAD_USER_INPUT', line: 1 }))).toEqual({
      kind: 'line',
      line: 1,
      message: '不是通知',
    });
  });

  it('reads a BAD_USER_INPUT without a line as a plain message', () => {
    expect(importFailure(gqlError('文本为空', { code: 'BAD_USER_INPUT' }))).toEqual({ kind: 'other', message: '文本为空' });
  });

  it('points a CONFLICT to the existing policy', () => {
    expect(importFailure(gqlError('文号已存在', { code: 'CONFLICT', policyId: 'p7' }))).toEqual({
      kind: 'conflict',
      policyId: 'p7',
      message: '文号已存在',
    });
    expect(importFailure(gqlError('文号已存在', { code: 'CONFLICT' }))).toEqual({
      kind: 'conflict',
      policyId: null,
      message: '文号已存在',
    });
  });

  it('tells a lost connection apart', () => {
    expect(importFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
  });
});

describe('lines of the textarea', () => {
  it('counts lines as the API numbers them', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a\nb\n')).toBe(3);
  });

  it('selects the named line', () => {
    const textarea = document.createElement('textarea');
    textarea.value = '标题\n文号\n第三行内容\n末行';
    document.body.append(textarea);
    selectLine(textarea, 3);
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).toBe('第三行内容');
    selectLine(textarea, 9); // out of range: nothing moves
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).toBe('第三行内容');
    textarea.remove();
  });
});
