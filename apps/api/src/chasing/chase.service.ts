import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chaseConfig } from './chasing.config';
import {
  CandidateRow,
  chaseCandidates,
  chasedUnits,
  insertChaseEvents,
  insertInAppDelivery,
  outstandingCount,
  queueWebhookDelivery,
} from './chase.queries';
import type { ChaseQuietReason } from './dto/chasing.models';
import { ChaseKind, ChaseLine, officeSummary, unitChaseMessage } from './chase-messages';
import { NoticesService } from './notices.service';

export interface PassResult {
  events: number;
  units: number;
  notices: number;
  webhooksQueued: number;
  /** Late or nearly due now, chased in this pass or before. */
  outstanding: number;
  /** Units chased now with no reporter account and no robot: only the office heard of them. */
  unitsUnreached: number;
  /** Why no unit was told anything (null when some unit was). */
  quietReason: ChaseQuietReason | null;
}

const toLine = (r: CandidateRow): ChaseLine => ({
  key: r.key,
  kind: r.kind as ChaseKind,
  agencyId: r.agency_id,
  dueOn: r.due_on,
  policyId: r.policy_id,
  docNumber: r.doc_number,
  periodLabel: r.period_label,
  measureSeq: r.measure_seq,
  subject: r.subject,
});

/**
 * One chasing pass. Exactly-once across replicas: the events are inserted with ON CONFLICT DO
 * NOTHING in the same transaction as the notices and the queued webhook messages they cause; a
 * replica racing on the same keys waits for the first to commit and then inserts nothing, so it
 * notifies nobody. If the transaction fails, neither the events nor the messages exist.
 */
@Injectable()
export class ChaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: NoticesService,
  ) {}

  async runPass(): Promise<PassResult> {
    const cfg = chaseConfig();
    const rows = await chaseCandidates(this.dataSource, cfg.remindDaysBefore);
    const quiet = async (): Promise<PassResult> => {
      const outstanding = await outstandingCount(this.dataSource, cfg.remindDaysBefore);
      const quietReason = outstanding ? 'ALREADY_CHASED' : 'NOTHING_DUE';
      return { events: 0, units: 0, notices: 0, webhooksQueued: 0, outstanding, unitsUnreached: 0, quietReason };
    };
    if (!rows.length) return quiet();
    const byKey = new Map(rows.map((r) => [r.key, toLine(r)]));
    const keys = [...byKey.keys()].sort();
    const result = await this.dataSource.transaction(async (m) => {
      const lines = keys.map((k) => byKey.get(k)!);
      const won = await insertChaseEvents(m, lines);
      if (!won.length) return null; // another replica chased them first
      const wonKeys = new Set(won);
      const mine = rows.filter((r) => wonKeys.has(r.key)).map(toLine); // keeps the query's order
      return this.notify(m, mine);
    });
    if (!result) return quiet();
    result.outstanding = await outstandingCount(this.dataSource, cfg.remindDaysBefore);
    return result;
  }

  /** One message per unit for this run, in the app and to the unit's robot; a summary for the office. */
  private async notify(m: EntityManager, lines: ChaseLine[]): Promise<PassResult> {
    const agencyIds = [...new Set(lines.map((l) => l.agencyId))];
    const agencies = await chasedUnits(m, agencyIds);
    const agencyById = new Map(agencies.map((a) => [a.id, a]));
    const result: PassResult = {
      events: lines.length,
      units: agencyIds.length,
      notices: 0,
      webhooksQueued: 0,
      outstanding: 0,
      unitsUnreached: 0,
      quietReason: null,
    };
    const units: { name: string; lines: ChaseLine[] }[] = [];
    for (const agencyId of agencyIds) {
      const agency = agencyById.get(agencyId);
      const name = agency?.name ?? agencyId;
      const unitLines = lines.filter((l) => l.agencyId === agencyId);
      const keys = unitLines.map((l) => l.key);
      const msg = unitChaseMessage(name, unitLines);
      units.push({ name, lines: unitLines });
      const policies = policiesOf(unitLines);
      const recipients = await this.notices.toAgencyReporters(m, agencyId, {
        kind: 'CHASE',
        title: msg.title,
        body: msg.body,
        link: msg.link,
        policyId: onlyPolicy(policies),
      });
      result.notices += recipients;
      await insertInAppDelivery(m, { eventKeys: keys, agencyId, recipients, content: `${msg.title}\n${msg.body}`, policyIds: policies });
      const robot = !!(agency?.url && agency.webhook_kind);
      if (!recipients && !robot) result.unitsUnreached++;
      if (agency?.url && agency.webhook_kind) {
        await queueWebhookDelivery(m, {
          eventKeys: keys,
          channel: agency.webhook_kind,
          agencyId,
          url: agency.url,
          urlHost: hostOf(agency.url),
          content: msg.text,
          policyIds: policies,
        });
        result.webhooksQueued++;
      }
    }
    if (result.unitsUnreached === result.units) result.quietReason = 'NO_ONE_TO_TELL';
    const summary = officeSummary(units);
    const allPolicies = policiesOf(lines);
    const office = await this.notices.toRoles(m, ['OFFICE', 'ADMIN'], {
      kind: 'CHASE_SUMMARY',
      ...summary,
      policyId: onlyPolicy(allPolicies),
    });
    result.notices += office;
    await insertInAppDelivery(m, {
      eventKeys: lines.map((l) => l.key),
      agencyId: null,
      recipients: office,
      content: `${summary.title}\n${summary.body}`,
      policyIds: allPolicies,
    });
    return result;
  }
}

/** The policies a message covers, sorted (the deliveries' policy filter matches any of them). */
export const policiesOf = (lines: ChaseLine[]): string[] => [...new Set(lines.map((l) => l.policyId))].sort();

/** A notice names its policy when it concerns exactly one. */
export const onlyPolicy = (policies: string[]): string | null => (policies.length === 1 ? policies[0] : null);

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
