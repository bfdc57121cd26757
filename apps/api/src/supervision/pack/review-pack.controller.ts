import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { RequestWithUser } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { notFound } from '../../common/id-checks';
import { SupervisionService } from '../supervision.service';
import { SupervisionError } from '../supervision.errors';
import { ReviewPackDataService } from './review-pack.data';
import { renderReviewPackDocx } from './review-pack.docx';
import { renderReviewPackXlsx } from './review-pack.xlsx';

const FORMATS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: renderReviewPackDocx },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: renderReviewPackXlsx },
} as const;

/**
 * The review pack (督查通报) as Word or Excel: GET /exports/supervision-reviews/<id>.docx|.xlsx with
 * the bearer token (the global AuthGuard signs the request in). The extension is part of the one
 * path segment, so the segment is parsed here rather than left to the router.
 */
@Controller('exports/supervision-reviews')
export class ReviewPackController {
  constructor(
    private readonly reviews: SupervisionService,
    private readonly data: ReviewPackDataService,
  ) {}

  @Roles('ADMIN', 'OFFICE', 'LEADER', 'REPORTER')
  @Get(':file')
  async download(@Param('file') file: string, @Req() req: RequestWithUser, @Res() res: Response) {
    const match = /^(.+)\.(docx|xlsx)$/i.exec(file);
    if (!match) throw notFound('督查', file);
    const review = await this.reviews.get(match[1]); // NOT_FOUND for an unknown or malformed id
    // A unit gets the pack once it is final: that is the document the office sent out. A draft's
    // ratings and items may still change, so it stays with the office and the leaders.
    if (req.user!.role === 'REPORTER' && review.status !== 'FINAL') throw new SupervisionError('FORBIDDEN', '督查通报定稿后才能下载');
    const pack = await this.data.gather(review);
    const format = FORMATS[match[2].toLowerCase() as keyof typeof FORMATS];
    const content = await format.render(pack);
    const filename = `督查通报-${pack.periodLabel}.${match[2].toLowerCase()}`;
    res.setHeader('Content-Type', format.type);
    res.setHeader('Content-Length', String(content.length));
    // RFC 6266 + 5987: an ASCII fallback for old clients, the UTF-8 name for everyone else.
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="review-${pack.periodLabel}.${match[2].toLowerCase()}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(content);
  }
}
