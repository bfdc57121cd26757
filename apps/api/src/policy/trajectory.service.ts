import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { SetTargetTrajectoryArgs } from './dto/policy.args';
import { PolicyError } from './policy.errors';
import { checkId, notFound } from '../common/id-checks';
import { Target } from './target.entity';
import { setTargetTrajectory } from './trajectory.queries';

const EPSILON = 1e-9;

/** Why a schedule cannot be used, or null: 4 cumulative shares from 0 to 1, never falling, ending at 1. */
export function trajectoryProblem(shares: readonly number[]): string | null {
  if (shares.length !== 4) return '进度安排须按四个季度各填一个累计比例';
  if (shares.some((s) => s < 0 || s > 1)) return '累计比例须在 0 到 100% 之间';
  if (shares.some((s, i) => i > 0 && s < shares[i - 1] - EPSILON)) return '累计比例不能逐季下降';
  if (Math.abs(shares[3] - 1) > EPSILON) return '第四季度末须累计完成 100%';
  return null;
}

/**
 * The office's schedule for a target (e.g. recruitment concentrated after the summer graduation):
 * the dashboard's expected share and the supervision review's computed rating follow it instead of
 * the linear 時間過半 line.
 */
@Injectable()
export class TrajectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async set(actor: AuthUser, args: SetTargetTrajectoryArgs, requestId: string): Promise<Target> {
    const targetId = checkId(args.targetId, '指标', 'targetId');
    const shares = args.shares?.length ? args.shares : null;
    if (shares) {
      const problem = trajectoryProblem(shares);
      if (problem) throw new PolicyError('BAD_USER_INPUT', problem, { field: 'shares' });
    }
    return this.dataSource.transaction(async (manager) => {
      const target = await manager.getRepository(Target).findOne({ where: { id: targetId }, lock: { mode: 'pessimistic_write' } });
      if (!target) throw notFound('指标', args.targetId, 'targetId');
      if (shares && target.direction === 'AT_MOST')
        throw new PolicyError('BAD_USER_INPUT', `${target.name}是上限指标，不设进度安排`, { field: 'targetId' });
      if (shares) shares[3] = 1;
      await setTargetTrajectory(manager, targetId, shares);
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'trajectory.set',
        entity: 'target',
        entityId: targetId,
        before: { trajectory: target.trajectory },
        after: { trajectory: shares },
      });
      return manager.getRepository(Target).findOneByOrFail({ id: targetId });
    });
  }
}
