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
  it('reports a missing doc number at the first line', () => {
    const e = errorOf(lines('', '市就業工作領導小組成員單位:', '2024年7月26日', '通知', '一、總體要求', '(一)穩定就業。'));
    expect(e.line).toBe(2);
    expect(e.message).toContain('發文字號');
    expect(e.message).toContain('no document number');
    expect(e.name).toBe('NoticeParseError');
    expect(e).toBeInstanceOf(Error);
  });

  it('reports a missing date at the first numbered line', () => {
    const e = errorOf(lines('江就辦〔2024〕1號', '市就業工作領導小組成員單位:', '通知', '一、總體要求', '(一)穩定就業。'));
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/第4行.*日期.*line 4: no date line/);
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

  it('rejects an impossible date as no date', () => {
    const e = errorOf(lines('江就辦〔2024〕1號', '2024年2月30日', '通知', '一、總體要求', '(一)穩定就業。'));
    expect(e.line).toBe(4);
  });
});
