import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { ProgressReport } from '../reports/progress-report.entity';
import { AttachmentsService } from './attachments.service';
import { ReportAttachment } from './report-attachment.entity';

@Resolver(() => ReportAttachment)
export class AttachmentsResolver {
  constructor(private readonly attachments: AttachmentsService) {}

  @ResolveField(() => String, { description: 'Download path (GET with the bearer token)' })
  url(@Parent() attachment: ReportAttachment): string {
    return `/reports/${attachment.reportId}/attachments/${attachment.id}`;
  }

  @Roles('ADMIN', 'OFFICE', 'REPORTER')
  @Mutation(() => Boolean, { description: 'Removes an attachment of a DRAFT or RETURNED report' })
  deleteReportAttachment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.attachments.remove(user, id, ctx.requestId);
  }
}

@Resolver(() => ProgressReport)
export class ReportAttachmentsResolver {
  @ResolveField(() => [ReportAttachment], { description: 'Evidence: upload with POST /reports/<id>/attachments (multipart field `file`)' })
  attachments(@Parent() report: ProgressReport, @Context() ctx: RequestContext): Promise<ReportAttachment[]> {
    return ctx.loaders.attachmentsByReport.load(report.id);
  }
}
