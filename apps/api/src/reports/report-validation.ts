import type { Sql } from '../common/sql';
import type { AuthUser } from '../common/request-context';
import { checkId, notFound } from '../common/id-checks';
import { countiesAmong, measureFactsOf } from '../policy/policy-for-reports.queries';
import { assertCanGiveFigureFor, WriteContext } from './report-access';
import { FigureInput } from './dto/report.inputs';
import { ReportError } from './report.errors';

export interface MeasureFacts {
  policyId: string;
  responsibleAgencyIds: Set<string>;
  targetIds: Set<string>;
}

/** The measure's policy, its responsible units and its targets, in one statement. */
export async function measureFacts(sql: Sql, measureId: string): Promise<MeasureFacts> {
  const facts = await measureFactsOf(sql, measureId);
  if (!facts) throw notFound('措施', measureId, 'measureId');
  return { policyId: facts.policyId, responsibleAgencyIds: new Set(facts.agencyIds), targetIds: new Set(facts.targetIds) };
}

/**
 * Figures must be of a target of the report's measure, for a county, once each; a county's
 * reporter only for its own county. Anything else is refused before anything is written.
 */
export async function checkFigures(
  sql: Sql,
  user: AuthUser,
  ctx: WriteContext,
  facts: MeasureFacts,
  values: FigureInput[],
): Promise<FigureInput[]> {
  const seen = new Set<string>();
  const countyIds = new Set<string>();
  const figures = values.map((v, index) => {
    const targetId = checkIdAs(v.targetId, 'targetId', index);
    const countyId = checkIdAs(v.countyId, 'countyId', index);
    if (!facts.targetIds.has(targetId))
      throw new ReportError('BAD_USER_INPUT', `第 ${index + 1} 项数据的指标不属于这项措施`, { field: 'values', index });
    const key = `${targetId}/${countyId}`;
    if (seen.has(key))
      throw new ReportError('BAD_USER_INPUT', `第 ${index + 1} 项数据重复填报了同一指标和地区`, { field: 'values', index });
    seen.add(key);
    countyIds.add(countyId);
    return { targetId, countyId, value: v.value };
  });
  if (countyIds.size > 0) {
    const rows = await countiesAmong(sql, [...countyIds]);
    const counties = new Map(rows.map((r) => [r.id, r.merged]));
    figures.forEach((f, index) => {
      if (!counties.has(f.countyId))
        throw new ReportError('BAD_USER_INPUT', `第 ${index + 1} 项数据的地区不是县(市、区)`, { field: 'values', index });
      // Its figures now count for the county it joined: new ones go there too.
      if (counties.get(f.countyId))
        throw new ReportError('BAD_USER_INPUT', `第 ${index + 1} 项数据的地区已并入其他县(市、区)，请填报在合并后的县(市、区)`, {
          field: 'values',
          index,
        });
    });
  }
  for (const f of figures) assertCanGiveFigureFor(user, ctx, f.countyId);
  return figures;
}

function checkIdAs(id: string, field: string, index: number): string {
  try {
    return checkId(id, field);
  } catch {
    throw new ReportError('BAD_USER_INPUT', `第 ${index + 1} 项数据的 ${field} 无效`, { field: 'values', index });
  }
}
