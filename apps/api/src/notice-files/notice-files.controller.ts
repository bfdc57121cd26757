import { Controller, HttpCode, HttpException, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Roles } from '../auth/roles.decorator';
import { UploadLimit } from '../common/upload-limit';
import { MAX_NOTICE_CHARS } from '../policy/notice-limits';
import { ExtractedText, extractNoticeText, ExtractRefused } from './notice-text';

export const MAX_NOTICE_FILE_BYTES = 10 * 1024 * 1024;

interface UploadedNotice {
  originalname: string;
  buffer: Buffer;
}

/**
 * A notice as it arrives (.docx, text-layer .pdf, .txt) -> its text, for the office to check and
 * import (importNotice). Nothing is stored: the text goes back to the page.
 */
@Roles('ADMIN', 'OFFICE')
@Controller('notices')
export class NoticeFilesController {
  @Post('extract-text')
  @HttpCode(200)
  // One byte over the limit is enough to know it is too big; multer stops reading there.
  @UseInterceptors(
    UploadLimit(`通知文件不能超过 ${MAX_NOTICE_FILE_BYTES / 1024 / 1024} MB`, 'PAYLOAD_TOO_LARGE'),
    FileInterceptor('file', { limits: { fileSize: MAX_NOTICE_FILE_BYTES + 1, files: 1 } }),
  )
  async extractText(@UploadedFile() file: UploadedNotice | undefined): Promise<ExtractedText> {
    if (!file) throw new HttpException({ code: 'BAD_USER_INPUT', message: '请选择要上传的通知文件（表单字段 file）' }, 400);
    try {
      const extracted = await extractNoticeText(file.buffer, file.originalname);
      if (!extracted.text.trim()) throw new ExtractRefused(400, 'BAD_USER_INPUT', '文件里没有文字');
      if (extracted.text.length > MAX_NOTICE_CHARS)
        throw new ExtractRefused(400, 'BAD_USER_INPUT', `文件文字过长(${extracted.text.length} 字)：一次最多导入 ${MAX_NOTICE_CHARS} 字`);
      return extracted;
    } catch (error) {
      if (error instanceof ExtractRefused) throw new HttpException({ code: error.code, message: error.message }, error.status);
      throw error;
    }
  }
}
