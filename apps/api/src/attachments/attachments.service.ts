import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { EDITABLE_REPORT_STATUSES } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { checkId, notFound } from '../common/id-checks';
import { reportingUnitOf } from '../policy/policy-for-reports.queries';
import { ProgressReport } from '../reports/progress-report.entity';
import { assertCanRead, assertCanWrite } from '../reports/report-access';
import { measureFacts } from '../reports/report-validation';
import { ReportError } from '../reports/report.errors';
import { attachmentCountOfReport } from './attachment.queries';
import { ATTACHMENT_STORAGE, AttachmentStorage, ByteRange } from './attachment-storage';
import { inspectUpload } from './file-types';
import { ReportAttachment } from './report-attachment.entity';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REPORT = 30;

export interface UploadedFileLike {
  originalname: string;
  buffer: Buffer;
  size: number;
  /** What the client said the file is (multer's part Content-Type); Word/Excel must agree with the bytes. */
  mimetype?: string;
}

/** Multer hands over a UTF-8 name decoded as latin1; names are kept as the person wrote them. */
const utf8Name = (name: string) => {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  const clean = (decoded.includes('\uFFFD') ? name : decoded)
    .replace(/[\\/]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .trim();
  return clean.slice(0, 200) || 'attachment';
};

@Injectable()
export class AttachmentsService {
  private readonly log = new Logger('Attachments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  /** The report, locked, after checking that the user may change it and that it is still editable. */
  private async editableReport(manager: EntityManager, user: AuthUser, reportId: string): Promise<ProgressReport> {
    const report = await manager.findOne(ProgressReport, { where: { id: checkId(reportId, '报告') }, lock: { mode: 'pessimistic_write' } });
    if (!report) throw notFound('报告', reportId);
    const facts = await measureFacts(manager, report.measureId);
    const unit = (await reportingUnitOf(manager, report.agencyId))!; // the report's unit: it exists (foreign key)
    assertCanWrite(user, { agencyId: report.agencyId, agencyKind: unit.kind, responsibleAgencyIds: facts.responsibleAgencyIds });
    if (!EDITABLE_REPORT_STATUSES.includes(report.status))
      throw new ReportError('CONFLICT', '报告已提交或已通过,不能再增删附件', { status: report.status });
    return report;
  }

  async upload(user: AuthUser, reportId: string, file: UploadedFileLike | undefined, requestId: string): Promise<ReportAttachment> {
    if (!file?.buffer?.length) throw new ReportError('BAD_USER_INPUT', '请选择要上传的文件(表单字段 file)', { field: 'file' });
    if (file.size > MAX_ATTACHMENT_BYTES) throw new ReportError('BAD_USER_INPUT', '附件不能超过 20 MB', { field: 'file' });
    const filename = utf8Name(file.originalname);
    const inspected = await inspectUpload(file.buffer, { filename, mimetype: file.mimetype });
    if (inspected.refused !== undefined) throw new ReportError('BAD_USER_INPUT', inspected.refused, { field: 'file' });
    const type = inspected.type;

    const storageKey = `${randomUUID()}`;
    return this.dataSource.transaction(async (manager) => {
      const report = await this.editableReport(manager, user, reportId);
      if ((await attachmentCountOfReport(manager, report.id)) >= MAX_ATTACHMENTS_PER_REPORT)
        throw new ReportError('BAD_USER_INPUT', `每份报告最多 ${MAX_ATTACHMENTS_PER_REPORT} 个附件`, { field: 'file' });
      // Bytes first: if storing fails nothing is recorded; if recording fails the bytes go too (with
      // the transaction for a transactional store, by hand for the others).
      await this.storage.put(storageKey, file.buffer, manager);
      try {
        const saved = await manager.save(
          manager.create(ReportAttachment, {
            reportId: report.id,
            filename,
            contentType: type.contentType,
            sizeBytes: file.size,
            sha256: createHash('sha256').update(file.buffer).digest('hex'),
            storageKey,
            uploadedBy: user.username,
          }),
        );
        await this.audit.record(manager, auditActor(user, requestId), {
          action: 'report.attach',
          entity: 'progress_report',
          entityId: report.id,
          before: null,
          after: { attachment: { id: saved.id, filename, contentType: type.contentType, sizeBytes: file.size, sha256: saved.sha256 } },
        });
        return saved;
      } catch (error) {
        if (!this.storage.transactional) await this.storage.remove(storageKey).catch(() => undefined);
        throw error;
      }
    });
  }

  /** The attachment, if the user may read it; its bytes (or `range` of them) come from openBytes. */
  async find(user: AuthUser, reportId: string, attachmentId: string): Promise<ReportAttachment> {
    const attachment = await this.dataSource
      .getRepository(ReportAttachment)
      .findOneBy({ id: checkId(attachmentId, '附件'), reportId: checkId(reportId, '报告') });
    if (!attachment) throw notFound('附件', attachmentId);
    const report = await this.dataSource.getRepository(ProgressReport).findOneByOrFail({ id: attachment.reportId });
    assertCanRead(user, report.agencyId);
    return attachment;
  }

  openBytes(attachment: ReportAttachment, range?: ByteRange): Readable {
    return this.storage.open(attachment.storageKey, range);
  }

  async remove(user: AuthUser, attachmentId: string, requestId: string): Promise<boolean> {
    const id = checkId(attachmentId, '附件');
    const removed = await this.dataSource.transaction(async (manager) => {
      const attachment = await manager.findOneBy(ReportAttachment, { id });
      if (!attachment) throw notFound('附件', attachmentId);
      await this.editableReport(manager, user, attachment.reportId);
      await manager.delete(ReportAttachment, { id });
      if (this.storage.transactional) await this.storage.remove(attachment.storageKey, manager);
      await this.audit.record(manager, auditActor(user, requestId), {
        action: 'report.detach',
        entity: 'progress_report',
        entityId: attachment.reportId,
        before: { attachment: { id, filename: attachment.filename, sha256: attachment.sha256 } },
        after: null,
      });
      return attachment;
    });
    // After the commit: a failed removal leaves an orphan file, never a record without its file.
    if (!this.storage.transactional)
      await this.storage.remove(removed.storageKey).catch((e) => this.log.warn(`could not remove ${removed.storageKey}: ${e}`));
    return true;
  }
}
