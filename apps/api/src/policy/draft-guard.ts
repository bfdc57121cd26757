import { QueryFailedError, type EntityManager } from 'typeorm';
import type { StoredImportWarning } from './import-warning.model';
import { PolicyError } from './policy.errors';
import { checkId, notFound } from '../common/id-checks';
import { measurePlace, raiseDraftVersion } from './draft-corrections.queries';
import { Policy } from './policy.entity';

/** The constraint a unique violation (23505) hit, or null for any other error. */
export function uniqueViolationOf(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver?.code === '23505' ? (driver.constraint ?? '') : null;
}

export const publishedRefusal = () => new PolicyError('BAD_USER_INPUT', '已发布的政策不能在草稿中修改', { field: 'version' });

/**
 * The draft a correction changes, locked for the transaction: it exists, is still a DRAFT, and has the
 * version the client read (stale: CONFLICT with the current version, nothing changed).
 */
export async function lockDraft(manager: EntityManager, policyId: string, version: number, field = 'policyId'): Promise<Policy> {
  const id = checkId(policyId, '政策文件', field);
  const policy = await manager.getRepository(Policy).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!policy) throw notFound('政策文件', policyId, field);
  if (policy.status !== 'DRAFT') throw publishedRefusal();
  if (policy.version !== version) throw staleVersion(policy.version);
  return policy;
}

const staleVersion = (current: number) =>
  new PolicyError('CONFLICT', '草稿已被他人修改：请刷新后再改', { field: 'version', currentVersion: current });

/** The policy a measure belongs to (NOT_FOUND naming the field when the measure is unknown). */
export async function policyOfMeasure(
  manager: EntityManager,
  measureId: string,
): Promise<{ measureId: string; policyId: string; title: string; seq: number }> {
  const id = checkId(measureId, '措施', 'measureId');
  const row = await measurePlace(manager, id);
  if (!row) throw notFound('措施', measureId, 'measureId');
  return { measureId: id, ...row };
}

/**
 * Raises the draft's version (UPDATE ... WHERE version = $n: 0 rows is a conflict) and keeps its stored
 * warnings current: those a correction settled are dropped.
 */
export async function raiseVersion(
  manager: EntityManager,
  policy: Policy,
  warnings: StoredImportWarning[] = policy.importWarnings,
): Promise<void> {
  const count = await raiseDraftVersion(manager, policy.id, policy.version, warnings);
  if (count !== 1) throw staleVersion(policy.version);
}
