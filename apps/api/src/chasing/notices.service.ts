import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@luoshi/domain';
import { ChasingError } from './chasing.errors';
import { markNoticesRead, noticeAgencyReporters, NoticeRow, noticeRoles, noticeUsers, unreadNoticeCount } from './notices.queries';
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

/** A notice as stored: no body is an empty one, no link or policy is null. */
const stored = (n: NoticeContent): NoticeRow => ({
  kind: n.kind,
  title: n.title,
  body: n.body ?? '',
  link: n.link ?? null,
  policyId: n.policyId ?? null,
});

/**
 * In-app notices. The `to…` methods run inside the caller's transaction (one INSERT … SELECT each),
 * so a notice exists exactly when the change it tells of commits. They return how many users got it.
 */
@Injectable()
export class NoticesService {
  constructor(private readonly dataSource: DataSource) {}

  async toAgencyReporters(manager: EntityManager, agencyId: string, notice: NoticeContent): Promise<number> {
    return noticeAgencyReporters(manager, agencyId, stored(notice));
  }

  async toRoles(manager: EntityManager, roles: Role[], notice: NoticeContent): Promise<number> {
    return noticeRoles(manager, roles, stored(notice));
  }

  async toUsers(manager: EntityManager, userIds: string[], notice: NoticeContent): Promise<number> {
    return noticeUsers(manager, userIds, stored(notice));
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
    return unreadNoticeCount(this.dataSource, userId);
  }

  /** Marks the user's own notices read (null = all of them); another user's ids simply match nothing. */
  async markRead(userId: string, ids: string[] | null | undefined): Promise<number> {
    if (ids) {
      const bad = ids.find((id) => !UUID.test(id));
      if (bad !== undefined) throw new ChasingError('BAD_USER_INPUT', '通知编号有误', { field: 'ids', id: bad });
      if (ids.length === 0) return 0;
    }
    return markNoticesRead(this.dataSource, userId, ids ?? null);
  }
}
