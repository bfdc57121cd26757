import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { backoffMs, chaseConfig } from './chasing.config';
import { claimDueDeliveries, ClaimedDelivery, markDeliverySent, recordDeliveryFailure } from './chase.queries';
import { RobotDialer } from './robot-dialer';
import { postRobotText, RobotRefused } from './robot-post';

/** Longer than any post can take (the timeout), so a row is never claimed twice while being sent. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

export interface SendResult {
  delivered: number;
  failed: number;
  retrying: number;
}

/** Sends the pending webhook messages that are due: claimed atomically, posted concurrently. */
@Injectable()
export class DeliverySender {
  private readonly log = new Logger('Chasing');

  constructor(
    private readonly dataSource: DataSource,
    private readonly dialer: RobotDialer,
  ) {}

  async deliverDue(): Promise<SendResult> {
    const result: SendResult = { delivered: 0, failed: 0, retrying: 0 };
    const cfg = chaseConfig();
    const lease = Math.max(LEASE_MS, cfg.timeoutMs * 4);
    for (let round = 0; round < 10; round++) {
      const rows = await claimDueDeliveries(this.dataSource, BATCH, lease);
      // Each row on its own: a slow or dead robot costs only its own timeout, never the others'.
      await Promise.all(rows.map((row) => this.sendOne(row, cfg.timeoutMs, cfg.maxAttempts, cfg.retryBaseMs, result)));
      if (rows.length < BATCH) break;
    }
    return result;
  }

  private async sendOne(row: ClaimedDelivery, timeoutMs: number, maxAttempts: number, baseMs: number, result: SendResult) {
    try {
      await postRobotText(this.dialer, row, row.content, timeoutMs, row.id);
      // By attempts too: only the claim that sent it may record the outcome.
      await markDeliverySent(this.dataSource, row.id, row.attempts);
      result.delivered++;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // A refused address fails at once: it was not sent, and would be refused again.
      const final = error instanceof RobotRefused || row.attempts >= maxAttempts;
      await recordDeliveryFailure(this.dataSource, row.id, row.attempts, final, Math.round(backoffMs(row.attempts, baseMs)), reason).catch(
        (e: unknown) => this.log.error(`记录发送结果失败 ${row.id}: ${String(e)}`),
      );
      if (final) {
        result.failed++;
        this.log.warn(`催办消息 ${row.id} 第 ${row.attempts} 次发送失败,不再重试:${reason}`);
      } else {
        result.retrying++;
      }
    }
  }
}
