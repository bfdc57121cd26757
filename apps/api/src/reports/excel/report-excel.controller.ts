import { Controller, Get, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { requestIdOf } from '../../common/request-id';
import type { RequestWithUser } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { UploadLimit } from '../../common/upload-limit';
import { ReportExcelService, ScopeQuery } from './report-excel.service';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET the unit's template for a quarter across its policies (?quarter=2026Q3) or for one period
 * (?periodId=), &agencyId= for the office; POST it back filled in (multipart field `file`), naming
 * the same quarter (or period) and unit so the upload is bounded by that template's size.
 */
@Controller('reports')
export class ReportExcelController {
  constructor(private readonly excel: ReportExcelService) {}

  @Get('template.xlsx')
  async template(@Query() query: Record<string, unknown>, @Req() req: RequestWithUser, @Res() res: Response) {
    const { filename, content } = await this.excel.template(req.user!, scopeQuery(query));
    res.setHeader('Content-Type', XLSX);
    // Named after the unit and the quarter (UTF-8, RFC 6266), as the web saves it.
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(content);
  }

  @Roles('ADMIN', 'OFFICE', 'REPORTER')
  @Post('import.xlsx')
  // A filled-in template is tens of KB; 5 MB leaves room for long texts and a re-save by WPS.
  @UseInterceptors(
    UploadLimit(`导入的 Excel 文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`),
    FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }),
  )
  import(@UploadedFile() file: { buffer: Buffer } | undefined, @Query() query: Record<string, unknown>, @Req() req: RequestWithUser) {
    return this.excel.import(req.user!, file?.buffer, requestIdOf(req), scopeQuery(query));
  }
}

/** Only single string values count (?quarter=a&quarter=b is no quarter). */
function scopeQuery(query: Record<string, unknown>): ScopeQuery {
  const text = (key: string) => (typeof query[key] === 'string' && query[key] ? (query[key] as string) : undefined);
  return { quarter: text('quarter'), periodId: text('periodId'), agencyId: text('agencyId') };
}
