import { Controller, Get, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { requestIdOf } from '../../common/request-id';
import { UploadLimit } from '../../common/upload-limit';
import type { RequestWithUser } from '../auth.guard';
import { Roles } from '../roles.decorator';
import { AccountImportService } from './account-import.service';

/** A filled sheet of 500 accounts is tens of KB; 2 MB leaves room for a re-save by WPS. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET the accounts template; POST it back filled in (multipart field `file`): accounts created all at once, or none. */
@Roles('ADMIN', 'OFFICE')
@Controller('accounts')
export class AccountExcelController {
  constructor(private readonly accounts: AccountImportService) {}

  @Get('template.xlsx')
  async template(@Res() res: Response) {
    const content = await this.accounts.template();
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('批量创建账号.xlsx')}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(content);
  }

  @Post('import.xlsx')
  @UseInterceptors(
    UploadLimit(`导入的 Excel 文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`),
    FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }),
  )
  import(@UploadedFile() file: { buffer: Buffer } | undefined, @Req() req: RequestWithUser) {
    // Answers 201 with the temporary passwords; they are in this response only.
    return this.accounts.import(req.user!, file?.buffer, requestIdOf(req));
  }
}
