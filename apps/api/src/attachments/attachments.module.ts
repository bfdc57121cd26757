import { Module } from '@nestjs/common';
import { ATTACHMENT_STORAGE, LocalDirectoryStorage } from './attachment-storage';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsResolver, ReportAttachmentsResolver } from './attachments.resolver';
import { AttachmentsService } from './attachments.service';

@Module({
  controllers: [AttachmentsController],
  providers: [{ provide: ATTACHMENT_STORAGE, useFactory: () => new LocalDirectoryStorage() }, AttachmentsService, AttachmentsResolver, ReportAttachmentsResolver],
})
export class AttachmentsModule {}
