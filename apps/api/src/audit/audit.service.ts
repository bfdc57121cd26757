import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertAuditRecord } from './audit.queries';

export interface AuditActor {
  userId: string | null;
  username: string | null;
  requestId: string | null;
}

/** The signed-in user and the request behind a change, as an audit record names them. */
export const auditActor = (user: { id: string; username: string }, requestId: string): AuditActor => ({
  userId: user.id,
  username: user.username,
  requestId,
});

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Writes audit records inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await insertAuditRecord(manager, { ...actor, ...entry, before: json(entry.before), after: json(entry.after) });
  }
}
