import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { AUDIT_KIND_LABELS, chinaTimesInText } from '@luoshi/domain';
import type { RequestWithUser } from '../auth/auth.guard';
import { Roles } from '../auth/roles.decorator';
import { AuditFilter, toAuditQuery } from './audit-filter';
import { AuditError } from './audit.errors';
import { AuditRecordView } from './audit.models';
import { AuditViewerService } from './audit-viewer.service';

/** The most rows one export holds; the newest come first, and the sheet says when it was cut. */
export const exportCap = () => Number(process.env.AUDIT_EXPORT_MAX_ROWS) || 50_000;

/** Excel keeps at most 32,767 characters in a cell. */
const CELL_MAX = 32_000;
const cell = (text: string | null) => (text === null ? '' : text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…（已截断）` : text);
/** A record's before/after with its instants (submittedAt, …) in China time, as the reader's other columns. */
const stateCell = (json: string | null) => cell(json === null ? null : chinaTimesInText(json));

/** An instant as Beijing wall time (UTC+8, no daylight saving), `2024-10-08 14:03:05`. */
export const chinaTime = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);

export const AUDIT_SHEETS = { records: '操作日志', about: '说明' } as const;

const COLUMNS = [
  { header: '时间（北京时间）', width: 20 },
  { header: '用户', width: 16 },
  { header: '用户所属单位', width: 22 },
  { header: '类别', width: 12 },
  { header: '操作', width: 22 },
  { header: '操作代码', width: 20 },
  { header: '对象', width: 14 },
  { header: '对象编号', width: 38 },
  { header: '变更前', width: 50 },
  { header: '变更后', width: 50 },
  { header: '请求编号', width: 24 },
];

const rowOf = (r: AuditRecordView) => [
  chinaTime(r.at),
  r.username ?? '',
  r.actorUnit ?? '',
  AUDIT_KIND_LABELS[r.kind].zhHans,
  r.label,
  r.action,
  r.entityLabel,
  r.entityId,
  stateCell(r.before),
  stateCell(r.after),
  r.requestId ?? '',
];

const FILTER_FIELDS = ['user', 'agencyId', 'kind', 'action', 'entity', 'entityId', 'from', 'to'] as const;
const FILTER_NAMES: Record<(typeof FILTER_FIELDS)[number], string> = {
  user: '用户',
  agencyId: '单位',
  kind: '类别',
  action: '操作',
  entity: '对象类型',
  entityId: '对象编号',
  from: '开始日期',
  to: '结束日期',
};

/**
 * GET /exports/audit.xlsx?user=…&agencyId=…&kind=…&action=…&entity=…&entityId=…&from=…&to=… with
 * the bearer token (ADMIN, OFFICE): the records the viewer shows for the same filter, newest first.
 * Written with ExcelJS's streaming writer a thousand rows at a time, so a long export holds one
 * batch in memory, not the sheet. The filter is checked before the first byte goes out; a failure
 * after that can only cut the download short (the client sees a broken file, not a wrong one).
 */
@Controller('exports')
export class AuditExportController {
  private readonly logger = new Logger('AuditExport');

  constructor(private readonly viewer: AuditViewerService) {}

  @Roles('ADMIN', 'OFFICE')
  @Get('audit.xlsx')
  async download(@Query() params: Record<string, unknown>, @Req() req: RequestWithUser, @Res() res: Response): Promise<void> {
    const filter: Partial<AuditFilter> = {};
    for (const field of FILTER_FIELDS) {
      const value = params[field];
      if (value === undefined) continue;
      if (typeof value !== 'string') throw new AuditError('BAD_USER_INPUT', `${FILTER_NAMES[field]}只能给一个值`, { field });
      (filter as Record<string, string>)[field] = value;
    }
    const query = toAuditQuery(filter);
    const cap = exportCap();
    const stamp = chinaTime(new Date()).slice(0, 10);

    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="audit-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`操作日志-${stamp}.xlsx`)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
    try {
      const ws = book.addWorksheet(AUDIT_SHEETS.records, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = COLUMNS;
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      const result = await this.viewer.eachBatch(query, cap, (records) => {
        // The client went away: stop reading batches nobody will receive.
        if (res.destroyed) throw new Error('the client closed the download');
        for (const r of records) ws.addRow(rowOf(r)).commit();
      });
      const note = result.cut
        ? `记录超过 ${cap.toLocaleString('en-US')} 条，本表只含最新的 ${cap.toLocaleString('en-US')} 条；请缩小时间范围分次导出。`
        : `共 ${result.count} 条记录。`;
      if (result.cut) ws.addRow([note]).commit();
      ws.commit();

      const about = book.addWorksheet(AUDIT_SHEETS.about);
      about.columns = [{ width: 16 }, { width: 80 }];
      const given = FILTER_FIELDS.filter((f) => filter[f]).map((f) => `${FILTER_NAMES[f]}=${filter[f]}`);
      for (const line of [
        ['导出时间', `${chinaTime(new Date())}（北京时间）`],
        ['导出人', req.user?.username ?? ''],
        ['筛选条件', given.length ? given.join('；') : '无（全部记录）'],
        ['记录数', note],
        ['说明', '操作日志只增不改，变更前后的内容按记录时的原样导出（其中的时间为北京时间，机器人地址等凭据已打码）。'],
      ])
        about.addRow(line).commit();
      about.commit();
      await book.commit();
    } catch (error) {
      // Nothing sent yet: the usual error answer (a timeout is 503 TIMEOUT, as elsewhere).
      if (!res.headersSent) {
        res.removeHeader('Content-Disposition');
        throw error;
      }
      // The headers (and maybe rows) are out: all that is left is to end the download broken.
      this.logger.warn(`Audit export ended early: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy(error instanceof Error ? error : undefined);
    }
  }
}
