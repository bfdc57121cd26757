import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MANAGING_ROLES } from '@luoshi/domain';
import type { AuthUser } from '../common/request-context';
import { isDraftPolicy, isDraftTarget } from './draft-visibility.queries';
import { notFound } from '../common/id-checks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ADMIN and OFFICE correct drafts; to everyone else (LEADER, REPORTER, anonymous) a draft does not exist. */
export const seesDrafts = (user: AuthUser | null | undefined): boolean => !!user && MANAGING_ROLES.includes(user.role);

/**
 * Every query that takes a policy's (or a target's) id asks here first: a DRAFT answers NOT_FOUND to
 * anyone who may not see drafts, exactly as an unknown id does. An id that is no uuid is left to the
 * caller's own check (NOT_FOUND as well).
 */
@Injectable()
export class DraftVisibility {
  constructor(private readonly dataSource: DataSource) {}

  async policy(user: AuthUser | null | undefined, policyId: string | null | undefined, field = 'policyId'): Promise<void> {
    if (seesDrafts(user) || !policyId || !UUID.test(policyId)) return;
    if (await isDraftPolicy(this.dataSource, policyId.toLowerCase())) throw notFound('政策文件', policyId, field);
  }

  async target(user: AuthUser | null | undefined, targetId: string | null | undefined, field = 'targetId'): Promise<void> {
    if (seesDrafts(user) || !targetId || !UUID.test(targetId)) return;
    if (await isDraftTarget(this.dataSource, targetId.toLowerCase())) throw notFound('指标', targetId, field);
  }
}
