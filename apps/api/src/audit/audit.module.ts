import { Global, Module } from '@nestjs/common';
import { AuditExportController } from './audit-export.controller';
import { AuditRecordResolver, AuditViewerResolver } from './audit-viewer.resolver';
import { AuditViewerService } from './audit-viewer.service';
import { AuditService } from './audit.service';

/** Writing the audit (every feature, in its own transaction) and reading it (the 操作日志 and its export). */
@Global()
@Module({
  providers: [AuditService, AuditViewerService, AuditViewerResolver, AuditRecordResolver],
  controllers: [AuditExportController],
  exports: [AuditService],
})
export class AuditModule {}
