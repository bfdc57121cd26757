import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { ParsedNotice, ParseWarning } from '@luoshi/notice-parser';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { resolveUnits } from './agency-matcher';
import { activeCounties } from './agency-matcher.queries';
import type { StoredImportWarning } from './import-warning.model';
import { LIVE_WARNING_KINDS } from './import-warnings';
import { insertDraftPolicy, policyByDocNumber, policySize, setImportWarnings } from './notice-import.queries';
import { parseInWorker, parseTimeLimitMs } from './notice-parse-worker';
import { insertNoticeRows } from './notice-rows';
import { PolicyError } from './policy.errors';
import { MAX_NOTICE_CHARS } from './notice-limits';
import { Policy } from './policy.entity';

/** The most measures an import stores. */
export const MAX_NOTICE_MEASURES = 500;

/** A doc number that says it is missing, unique so that two such drafts can stand side by side. */
export const standInDocNumber = (today: string) => `待补文号-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
const STAND_IN_TITLE = '（待补标题）';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The parser's warnings the database cannot recompute, each tied to the measure whose lines it falls
 * in (so that correcting that measure settles it). Kinds the draft's rows answer are left out.
 */
export function storedWarnings(notice: ParsedNotice, measureIdBySeq: Map<number, string>): StoredImportWarning[] {
  const starts = notice.sections
    .flatMap((s) => s.measures)
    .filter((m) => typeof m.line === 'number')
    .map((m) => ({ line: m.line as number, id: measureIdBySeq.get(m.seq) ?? null }))
    .sort((a, b) => a.line - b.line);
  const measureAt = (line: number) => [...starts].reverse().find((s) => s.line <= line)?.id ?? null;
  return (notice.warnings ?? [])
    .filter((w: ParseWarning) => !LIVE_WARNING_KINDS.has(w.kind))
    .map((w) => ({ line: w.line ?? null, kind: w.kind, message: w.message, measureId: w.line ? measureAt(w.line) : null, agencyId: null }));
}

/**
 * importNotice: the text -> a DRAFT policy with its sections, measures, responsible units, targets and
 * warnings, in one transaction (a refused import stores nothing). The office corrects it and publishes.
 */
@Injectable()
export class NoticeImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async importNotice(actor: AuthUser, text: string, requestId: string): Promise<Policy> {
    if (text.length > MAX_NOTICE_CHARS) {
      throw new PolicyError('BAD_USER_INPUT', `通知文字过长(${text.length} 字)：一次最多导入 ${MAX_NOTICE_CHARS} 字`, {
        field: 'text',
        max: MAX_NOTICE_CHARS,
      });
    }
    if (!text.trim()) throw new PolicyError('BAD_USER_INPUT', '通知文字为空：请粘贴通知全文或上传文件', { field: 'text' });
    const id = randomUUID();
    // Parsed before the transaction: a slow parse holds no connection.
    const notice = await this.parse(text, await activeCounties(this.dataSource.manager));
    await this.dataSource
      .transaction(async (manager) => {
        const measureCount = notice.sections.reduce((n, s) => n + s.measures.length, 0);
        if (measureCount === 0)
          throw new PolicyError('BAD_USER_INPUT', '没有识别出任何措施（如“（一）……”）：这不像一份政策通知', { field: 'text', line: 1 });
        if (measureCount > MAX_NOTICE_MEASURES) {
          throw new PolicyError('BAD_USER_INPUT', `通知有 ${measureCount} 条措施，一次最多导入 ${MAX_NOTICE_MEASURES} 条`, {
            field: 'text',
            max: MAX_NOTICE_MEASURES,
          });
        }
        if (notice.docNumber) await this.refuseTakenDocNumber(manager, notice.docNumber);
        const created = await this.store(manager, id, notice);
        const who = auditActor(actor, requestId);
        for (const agency of created) {
          await this.audit.record(manager, who, {
            action: 'agency.create',
            entity: 'agency',
            entityId: agency.id,
            before: null,
            after: { name: agency.name, createdByImport: true, policyId: id },
          });
        }
        const after = { ...(await this.storedSummary(manager, id, notice)), newAgencies: created };
        await this.audit.record(manager, who, { action: 'policy.import', entity: 'policy', entityId: id, before: null, after });
      })
      .catch((error: unknown) => {
        // Two imports of one notice at once: the unique doc number lets one through.
        if (
          (error as { code?: string; constraint?: string }).code === '23505' &&
          (error as { constraint?: string }).constraint === 'policy_doc_number_key'
        ) {
          throw new PolicyError('CONFLICT', '同一文号的通知正在导入或已导入', { field: 'text' });
        }
        throw error;
      });
    return this.dataSource.getRepository(Policy).findOneByOrFail({ id });
  }

  /** parseNotice in a worker (notice-parse-worker.ts): whatever the text, the answer is a notice or BAD_USER_INPUT. */
  private async parse(text: string, counties: { name: string; regionCode: string }[]): Promise<ParsedNotice> {
    const limitMs = parseTimeLimitMs();
    const answer = await parseInWorker(
      text,
      counties.map(({ name, regionCode }) => ({ name, regionCode })),
      limitMs,
    );
    if ('notice' in answer) return answer.notice;
    if ('refused' in answer) {
      const { line, message } = answer.refused;
      // The parser's messages already name the line (第N行:… / line N: …).
      throw new PolicyError('BAD_USER_INPUT', /^第\s*\d+\s*行/.test(message) ? message : `第 ${line} 行：${message}`, {
        field: 'text',
        line,
      });
    }
    // parseInWorker logged the cause; the office learns only that this text cannot be read.
    const timedOut = answer.failed === 'TIMEOUT';
    throw new PolicyError(
      'BAD_USER_INPUT',
      timedOut
        ? `无法识别此文本：解析超过 ${limitMs / 1000} 秒仍未完成，请检查粘贴的是否为一份通知 / the text could not be read: parsing took too long`
        : '无法识别此文本：解析时出错，请检查粘贴的是否为一份通知 / the text could not be read: the parser failed on it',
      { field: 'text', reason: timedOut ? 'PARSE_TIMEOUT' : 'PARSE_FAILED' },
    );
  }

  /** A published notice is not imported twice; a draft of it is corrected or deleted first. */
  private async refuseTakenDocNumber(manager: EntityManager, docNumber: string): Promise<void> {
    const taken = await policyByDocNumber(manager, docNumber);
    if (taken?.status === 'PUBLISHED')
      throw new PolicyError('CONFLICT', `文号 ${docNumber} 的政策文件已经发布，不能重复导入`, { field: 'text', policyId: taken.id });
    if (taken)
      throw new PolicyError('CONFLICT', `文号 ${docNumber} 已有一份草稿：请修改或删除那份草稿后再导入`, {
        field: 'text',
        policyId: taken.id,
      });
  }

  /** Stores the draft; answers the agencies this import created. */
  private async store(manager: EntityManager, id: string, notice: ParsedNotice): Promise<{ id: string; name: string }[]> {
    const date = today();
    const extraWarnings: StoredImportWarning[] = [];
    const title = notice.title.trim() || STAND_IN_TITLE;
    if (!notice.title.trim() && !(notice.warnings ?? []).some((w) => w.kind === 'NO_TITLE')) {
      extraWarnings.push({ line: null, kind: 'NO_TITLE', message: '没有识别出通知标题：请填写标题', measureId: null, agencyId: null });
    }
    await insertDraftPolicy(manager, {
      id,
      docNumber: notice.docNumber ?? standInDocNumber(date),
      docNumberConfirmed: notice.docNumber !== null,
      title,
      issuer: notice.issuer ?? '',
      issuedOn: notice.issuedOn ?? date,
      issuedOnConfirmed: notice.issuedOn !== null,
      sourceText: notice.sourceText,
      warnings: [],
    });
    const units = notice.sections.flatMap((s) => s.measures.flatMap((m) => m.responsibilities));
    const agencies = await resolveUnits(manager, units, { createdByImport: true });
    const { measureIdBySeq } = await insertNoticeRows(manager, id, notice, (name) => agencies.get(name)!.agencyId, {
      section: () => randomUUID(),
      measure: () => randomUUID(),
      target: () => randomUUID(),
    });
    const warnings = [...extraWarnings, ...storedWarnings(notice, measureIdBySeq)];
    await setImportWarnings(manager, id, warnings);
    return [...agencies.entries()].filter(([, a]) => a.created).map(([name, a]) => ({ id: a.agencyId, name }));
  }

  /** What the audit keeps of an import: the notice's identity and its size. */
  private async storedSummary(manager: EntityManager, id: string, notice: ParsedNotice): Promise<Record<string, unknown>> {
    const counts = await policySize(manager, id);
    return {
      docNumber: notice.docNumber,
      title: notice.title,
      issuedOn: notice.issuedOn,
      status: 'DRAFT',
      ...counts,
      parserWarnings: (notice.warnings ?? []).map((w) => ({ line: w.line, kind: w.kind })),
    };
  }
}
