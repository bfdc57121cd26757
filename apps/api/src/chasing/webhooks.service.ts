import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { checkId, notFound } from '../common/id-checks';
import { agencyExists } from '../policy/policy-for-chasing.queries';
import { AgencyWebhook, WebhookKind } from './agency-webhook.entity';
import { ChasingError } from './chasing.errors';
import { checkRobotUrl } from './robot-address';
import { deleteWebhook, upsertWebhook } from './webhooks.queries';
import { maskedUrl } from './masked-url';

/**
 * Only a WeCom or DingTalk robot endpoint of the chosen kind (see robot-address.ts); anything else
 * is refused before storing. Returns the normalised address, which is what is stored and sent.
 */
export function checkWebhookUrl(raw: string, kind?: WebhookKind): string {
  const checked = checkRobotUrl(raw, kind);
  if (!checked.ok) throw new ChasingError('BAD_USER_INPUT', checked.reason, { field: 'url' });
  return checked.url.href;
}

@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AgencyWebhook[]> {
    return this.dataSource.getRepository(AgencyWebhook).find({ order: { updatedAt: 'DESC' } });
  }

  async set(agencyIdRaw: string, kind: WebhookKind, rawUrl: string, actor: AuditActor): Promise<AgencyWebhook> {
    const agencyId = checkId(agencyIdRaw, '单位', 'agencyId');
    const url = checkWebhookUrl(rawUrl, kind);
    return this.dataSource.transaction(async (m) => {
      if (!(await agencyExists(m, agencyId))) throw notFound('单位', agencyId, 'agencyId');
      const before = await m.getRepository(AgencyWebhook).findOne({ where: { agencyId }, lock: { mode: 'pessimistic_write' } });
      await upsertWebhook(m, agencyId, kind, url, actor.userId);
      await this.audit.record(m, actor, {
        action: 'SET_AGENCY_WEBHOOK',
        entity: 'agency_webhook',
        entityId: agencyId,
        before: before ? { kind: before.kind, url: maskedUrl(before.url) } : null,
        after: { kind, url: maskedUrl(url) },
      });
      return m.getRepository(AgencyWebhook).findOneByOrFail({ agencyId });
    });
  }

  /** True when there was one to remove; removing nothing changes and audits nothing. */
  async remove(agencyIdRaw: string, actor: AuditActor): Promise<boolean> {
    const agencyId = checkId(agencyIdRaw, '单位', 'agencyId');
    return this.dataSource.transaction(async (m) => {
      const before = await m.getRepository(AgencyWebhook).findOne({ where: { agencyId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return false;
      await deleteWebhook(m, agencyId);
      await this.audit.record(m, actor, {
        action: 'REMOVE_AGENCY_WEBHOOK',
        entity: 'agency_webhook',
        entityId: agencyId,
        before: { kind: before.kind, url: maskedUrl(before.url) },
        after: null,
      });
      return true;
    });
  }
}
