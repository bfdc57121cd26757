import { Controller, Get, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { requestIdOf } from '../common/request-id';
import type { RequestWithUser } from '../auth/auth.guard';
import { UploadLimit } from '../common/upload-limit';
import type { ByteRange } from './attachment-storage';
import { AttachmentsService, MAX_ATTACHMENT_BYTES, UploadedFileLike } from './attachments.service';

/**
 * What a download answers: the whole file, one range of it (206), or 416 for a range outside it.
 * Several ranges in one request are served as the whole file (HTTP lets a server ignore Range), and so
 * is a Range whose If-Range names another version of the file.
 */
export function requestedRange(req: Request, size: number, etag: string): ByteRange | 'unsatisfiable' | undefined {
  const ifRange = req.get('If-Range');
  if (ifRange !== undefined && ifRange !== etag) return undefined;
  const ranges = req.range(size, { combine: true });
  if (ranges === undefined) return undefined;
  if (ranges === -1 || ranges === -2 || ranges.type !== 'bytes' || size === 0) return 'unsatisfiable';
  return ranges.length === 1 ? { start: ranges[0].start, end: ranges[0].end } : undefined;
}

/** Evidence files: multipart upload (field `file`) and download, with the bearer token. */
@Controller('reports/:reportId/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  // One byte over the limit is enough to know it is too big; multer stops reading there.
  @UseInterceptors(
    UploadLimit(`附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`),
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } }),
  )
  async upload(@Param('reportId') reportId: string, @UploadedFile() file: UploadedFileLike | undefined, @Req() req: RequestWithUser) {
    const saved = await this.attachments.upload(req.user!, reportId, file, requestIdOf(req));
    return {
      id: saved.id,
      filename: saved.filename,
      contentType: saved.contentType,
      sizeBytes: saved.sizeBytes,
      uploadedAt: saved.uploadedAt,
    };
  }

  @Get(':attachmentId')
  async download(
    @Param('reportId') reportId: string,
    @Param('attachmentId') attachmentId: string,
    @Req() req: RequestWithUser,
    @Res() res: Response,
  ) {
    const attachment = await this.attachments.find(req.user!, reportId, attachmentId);
    const size = attachment.sizeBytes;
    // The content's hash names this version of the file: a resumed download (If-Range) can trust it.
    const etag = `"${attachment.sha256}"`;
    // no-transform: neither the compression middleware nor a proxy may change the bytes (ranges count them).
    res.setHeader('Cache-Control', 'private, no-store, no-transform');
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('ETag', etag);
    const range = requestedRange(req, size, etag);
    if (range === 'unsatisfiable') {
      res.status(416).setHeader('Content-Range', `bytes */${size}`);
      res.json({ message: `请求的范围超出附件大小(${size} 字节) / Range not satisfiable (${size} bytes)` });
      return;
    }
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    if (range) {
      res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.setHeader('Content-Length', String(size));
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = this.attachments.openBytes(attachment, range);
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy()); // a client that goes away stops the reading
    stream.pipe(res);
  }
}
