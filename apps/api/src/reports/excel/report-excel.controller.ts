import { Controller, Get, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { requestIdOf } from '../../common/request-id';
import type { RequestWithUser } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { UploadLimit } from '../../common/upload-limit';
import { ReportExcelService } from './report-excel.service';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET the unit's template for a period; POST it back filled in (multipart field `file`). */
@Controller('reports')
export class ReportExcelController {
  constructor(private readonly excel: ReportExcelService) {}

  @Get('template.xlsx')
  async template(@Query('periodId') periodId: string, @Query('agencyId') agencyId: string | undefined, @Req() req: RequestWithUser, @Res() res: Response) {
    const { filename, content } = await this.excel.template(req.user!, periodId ?? '', agencyId);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(content);
  }

  @Roles('ADMIN', 'OFFICE', 'REPORTER')
  @Post('import.xlsx')
  // A filled-in template is tens of KB; 5 MB leaves room for long texts and a re-save by WPS.
  @UseInterceptors(UploadLimit(`导入的 Excel 文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`), FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  import(@UploadedFile() file: { buffer: Buffer } | undefined, @Req() req: RequestWithUser) {
    return this.excel.import(req.user!, file?.buffer, requestIdOf(req));
  }
}
