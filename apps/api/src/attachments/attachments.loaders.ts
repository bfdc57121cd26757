import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../common/loaders';
import { ReportAttachment } from './report-attachment.entity';

declare module '../common/loaders' {
  interface Loaders {
    /** A report's attachments, in upload order. */
    attachmentsByReport: DataLoader<string, ReportAttachment[]>;
  }
}

/** The attachments feature's loaders for one request. */
export function attachmentsLoaders(ds: DataSource) {
  return {
    attachmentsByReport: new DataLoader<string, ReportAttachment[]>(async (ids) =>
      groupBy(
        ids,
        await ds.getRepository(ReportAttachment).find({ where: { reportId: In([...ids]) }, order: { uploadedAt: 'ASC' } }),
        (a) => a.reportId,
      ),
    ),
  };
}
