import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { chaseConfig } from './chasing.config';
import { ChaseService } from './chase.service';
import { DeliverySender } from './delivery-sender';

/**
 * Runs chasing inside the API process: a pass every CHASE_INTERVAL_MS (the first shortly after
 * start) and the webhook sender every WEBHOOK_POLL_MS (for retries). Every replica runs it; the
 * database keeps them from sending twice. Timers stop on shutdown, and shutdown waits for a run in
 * progress so no transaction is cut off by the pool closing.
 */
@Injectable()
export class ChaseScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Chasing');
  private readonly timers: NodeJS.Timeout[] = [];
  private passRun: Promise<void> | null = null;
  private sendRun: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly chase: ChaseService,
    private readonly sender: DeliverySender,
  ) {}

  onApplicationBootstrap(): void {
    const cfg = chaseConfig();
    if (cfg.intervalMs > 0) {
      const first = setTimeout(
        () => {
          this.tickPass();
          const every = setInterval(() => this.tickPass(), cfg.intervalMs);
          every.unref();
          this.timers.push(every);
        },
        Math.min(cfg.firstDelayMs, cfg.intervalMs),
      );
      first.unref();
      this.timers.push(first);
    }
    if (cfg.sendIntervalMs > 0) {
      const send = setInterval(() => this.tickSend(), cfg.sendIntervalMs);
      send.unref();
      this.timers.push(send);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t); // clearTimeout clears intervals too
    this.timers.length = 0;
    await Promise.all([this.passRun, this.sendRun]);
  }

  /** A pass then a send round; skipped while the previous one is still running. */
  private tickPass(): void {
    if (this.stopped || this.passRun) return;
    this.passRun = (async () => {
      try {
        const r = await this.chase.runPass();
        if (r.events) this.log.log(`催办 ${r.units} 个单位,${r.events} 项`);
        await this.sender.deliverDue();
      } catch (error) {
        this.log.error(`催办失败:${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    })().finally(() => (this.passRun = null));
  }

  private tickSend(): void {
    if (this.stopped || this.sendRun) return;
    this.sendRun = this.sender
      .deliverDue()
      .then(() => undefined)
      .catch((error: unknown) => this.log.error(`发送催办消息失败:${String(error)}`))
      .finally(() => (this.sendRun = null));
  }
}
