import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@luoshi/domain';
import { ChasingError } from './chasing.errors';
import { UserNotice } from './user-notice.entity';

/** What a notice says; the same for each of its recipients. */
export interface NoticeContent {
  kind: string;
  title: string;
  body?: string;
  /** A path in the web app, e.g. `/tasks`. */
  link?: string | null;
  /** The policy it concerns (the bell names it); absent or null: several or none. */
  policyId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * In-app notices. The `to…` methods run inside the caller's transaction (one INSERT … SELECT each),
 * so a notice exists exactly when the change it tells of commits. They return how many users got it.
 */
@Injectable()
export class NoticesService {
  constructor(private readonly dataSource: DataSource) {}

  async toAgencyReporters(manager: EntityManager, agencyId: string, notice: NoticeContent): Promise<number> {
    return this.insert(manager, `role = 'REPORTER' AND agency_id = $6`, [agencyId], notice);
  }

  async toRoles(manager: EntityManager, roles: Role[], notice: NoticeContent): Promise<number> {
    return this.insert(manager, `role = ANY($6::text[])`, [roles], notice);
  }

  async toUsers(manager: EntityManager, userIds: string[], notice: NoticeContent): Promise<number> {
    return this.insert(manager, `id = ANY($6::uuid[])`, [userIds], notice);
  }

  /** Deactivated accounts get no notices (nobody would read them, and the unit's new account would miss nothing). */
  private async insert(manager: EntityManager, where: string, params: unknown[], n: NoticeContent): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `WITH ins AS (
         INSERT INTO user_notice (user_id, kind, title, body, link, policy_id)
         SELECT id, $1, $2, $3, $4, $5::uuid FROM app_user WHERE active AND (${where})
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [n.kind, n.title, n.body ?? '', n.link ?? null, n.policyId ?? null, ...params],
    );
    return rows[0]?.n ?? 0;
  }

  list(userId: string, unreadOnly: boolean, limit: number): Promise<UserNotice[]> {
    const qb = this.dataSource.getRepository(UserNotice).createQueryBuilder('n').where('n.userId = :userId', { userId });
    if (unreadOnly) qb.andWhere('n.readAt IS NULL');
    return qb
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(Math.min(Math.max(limit, 1), 100))
      .getMany();
  }

  async unreadCount(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM user_notice WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return rows[0].n;
  }

  /** Marks the user's own notices read (null = all of them); another user's ids simply match nothing. */
  async markRead(userId: string, ids: string[] | null | undefined): Promise<number> {
    if (ids) {
      const bad = ids.find((id) => !UUID.test(id));
      if (bad !== undefined) throw new ChasingError('BAD_USER_INPUT', '通知编号有误', { field: 'ids', id: bad });
      if (ids.length === 0) return 0;
    }
    const rows: { n: number }[] = await this.dataSource.query(
      `WITH upd AS (
         UPDATE user_notice SET read_at = now()
          WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
         RETURNING 1)
       SELECT count(*)::int AS n FROM upd`,
      [userId, ids ?? null],
    );
    return rows[0].n;
  }
}
