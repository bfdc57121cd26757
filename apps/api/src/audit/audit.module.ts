import { Global, Module } from '@nestjs/common';
import type { FeatureParts } from '../common/feature-parts';
import { AuditExportController } from './audit-export.controller';
import { AuditRecordResolver, AuditViewerResolver } from './audit-viewer.resolver';
import { AuditViewerService } from './audit-viewer.service';
import { AuditRecord } from './audit-record.entity';
import { AuditService } from './audit.service';

const PARTS = { entities: [AuditRecord], resolvers: [AuditViewerResolver, AuditRecordResolver] } satisfies FeatureParts;

/** Writing the audit (every feature, in its own transaction) and reading it (the 操作日志 and its export). */
@Global()
@Module({
  providers: [AuditService, AuditViewerService, ...PARTS.resolvers],
  controllers: [AuditExportController],
  exports: [AuditService],
})
export class AuditModule {
  static readonly parts = PARTS;
}
