import { Controller, Get, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { requestIdOf } from '../common/request-id';
import type { RequestWithUser } from '../auth/auth.guard';
import { UploadLimit } from '../common/upload-limit';
import { AttachmentsService, MAX_ATTACHMENT_BYTES, UploadedFileLike } from './attachments.service';

/** Evidence files: multipart upload (field `file`) and download, with the bearer token. */
@Controller('reports/:reportId/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  // One byte over the limit is enough to know it is too big; multer stops reading there.
  @UseInterceptors(UploadLimit(`附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`), FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } }))
  async upload(@Param('reportId') reportId: string, @UploadedFile() file: UploadedFileLike | undefined, @Req() req: RequestWithUser) {
    const saved = await this.attachments.upload(req.user!, reportId, file, requestIdOf(req));
    return { id: saved.id, filename: saved.filename, contentType: saved.contentType, sizeBytes: saved.sizeBytes, uploadedAt: saved.uploadedAt };
  }

  @Get(':attachmentId')
  async download(@Param('reportId') reportId: string, @Param('attachmentId') attachmentId: string, @Req() req: RequestWithUser, @Res() res: Response) {
    const { attachment, stream } = await this.attachments.open(req.user!, reportId, attachmentId);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.sizeBytes));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
