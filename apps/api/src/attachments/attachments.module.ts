import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FeatureParts } from '../common/feature-parts';
import {
  ATTACHMENT_STORAGE,
  AttachmentStorage,
  attachmentStorageKind,
  LocalDirectoryStorage,
  localAttachmentsDir,
} from './attachment-storage';
import { AttachmentsController } from './attachments.controller';
import { attachmentsLoaders } from './attachments.loaders';
import { AttachmentsResolver, ReportAttachmentsResolver } from './attachments.resolver';
import { AttachmentsService } from './attachments.service';
import { importLocalAttachments } from './local-import';
import { PostgresChunkStorage } from './postgres-storage';
import { ReportAttachment } from './report-attachment.entity';

const PARTS = {
  entities: [ReportAttachment],
  resolvers: [AttachmentsResolver, ReportAttachmentsResolver],
  loaders: attachmentsLoaders,
} satisfies FeatureParts;

/** ATTACHMENT_STORE picks the store (postgres by default); see attachment-storage.ts. */
const storageProvider = {
  provide: ATTACHMENT_STORAGE,
  inject: [DataSource],
  useFactory: (dataSource: DataSource): AttachmentStorage =>
    attachmentStorageKind() === 'postgres' ? new PostgresChunkStorage(dataSource) : new LocalDirectoryStorage(),
};

@Module({
  controllers: [AttachmentsController],
  providers: [storageProvider, AttachmentsService, ...PARTS.resolvers],
})
export class AttachmentsModule implements OnApplicationBootstrap {
  static readonly parts = PARTS;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  /** Files a local directory still holds move into PostgreSQL before the first request is served. */
  async onApplicationBootstrap() {
    if (!(this.storage instanceof PostgresChunkStorage)) return;
    const dir = localAttachmentsDir();
    const done = await importLocalAttachments(this.dataSource, dir);
    if (done.moved || done.unknown || done.mismatched) {
      // Printed, not logged at Nest's 'log' level (hidden in production): an operator wants to see this once.
      process.stdout.write(
        `[落實] 附件已从 ${dir} 移入 PostgreSQL:${done.moved} 个;已在库中 ${done.alreadyThere} 个;无记录而保留 ${done.unknown} 个;校验不符而保留 ${done.mismatched} 个\n`,
      );
    }
  }
}
