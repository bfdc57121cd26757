import { NoticeParseError, parseNotice } from './index';
import { JIANGMEN_COUNTIES } from './__fixtures__/jiangmen';

function errorOf(text: string): NoticeParseError {
  try {
    parseNotice(text, { counties: JIANGMEN_COUNTIES });
  } catch (e) {
    if (e instanceof NoticeParseError) return e;
    throw e;
  }
  throw new Error('expected a NoticeParseError');
}

const lines = (...ls: string[]) => ls.join('\n');

describe('malformed notices', () => {
  it('warns of a missing doc number at the first line instead of refusing the notice (issue 10)', () => {
    const n = parseNotice(lines('', '市就業工作領導小組成員單位:', '2024年7月26日', '通知', '一、總體要求', '(一)穩定就業。'), {
      counties: JIANGMEN_COUNTIES,
    });
    expect(n.docNumber).toBeNull();
    expect(n.warnings).toContainEqual(expect.objectContaining({ kind: 'NO_DOC_NUMBER', line: 2 }));
  });

  it('warns of a missing date instead of refusing the notice (issue 10)', () => {
    const n = parseNotice(lines('江就辦〔2024〕1號', '市就業工作領導小組成員單位:', '通知', '一、總體要求', '(一)穩定就業。'), {
      counties: JIANGMEN_COUNTIES,
    });
    expect(n.issuedOn).toBeNull();
    expect(n.warnings).toContainEqual({ line: 1, kind: 'NO_DATE', message: '未找到成文日期,请在审核时填写' });
  });

  it('refuses empty text', () => {
    const e = errorOf('  \n\n');
    expect(e.line).toBe(1);
    expect(e.message).toContain('not a notice');
  });

  it('reports a notice without sections', () => {
    const e = errorOf(lines('江就辦〔2024〕1號', '2024年7月26日', '通知', '現就有關事項通知如下:', '請認真貫徹落實。'));
    expect(e.line).toBe(4);
    expect(e.message).toContain('no section heading');
  });

  it('reports a measure that comes before any section', () => {
    const e = errorOf(lines('江就辦〔2024〕1號', '2024年7月26日', '通知', '現就有關事項通知如下:', '(一)穩定就業。', '一、總體要求'));
    expect(e.line).toBe(5);
    expect(e.message).toContain('measure appears before any section');
  });

  it('reports a measure whose number skips one, so a missed marker cannot merge two measures', () => {
    const e = errorOf(lines('江就辦〔2024〕1號', '2024年7月26日', '通知', '一、總體要求', '(一)穩定就業。', '(三)優化服務。'));
    expect(e.line).toBe(6);
    expect(e.message).toContain('measure numbered 3, expected 2');
  });

  it('reports a section whose number skips one', () => {
    const e = errorOf(lines('江就辦〔2024〕1號', '2024年7月26日', '通知', '一、總體要求', '(一)穩定就業。', '三、其他'));
    expect(e.line).toBe(6);
    expect(e.message).toContain('section numbered 3, expected 2');
  });

  it('takes an impossible date as no date', () => {
    const n = parseNotice(lines('江就辦〔2024〕1號', '2024年2月30日', '通知', '一、總體要求', '(一)穩定就業。'), {
      counties: JIANGMEN_COUNTIES,
    });
    expect(n.issuedOn).toBeNull();
    expect(n.warnings.map((w) => w.kind)).toContain('NO_DATE');
  });
});
