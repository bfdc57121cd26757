import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TargetYearsService } from './target-years.service';

/** How often to look whether a year has started (TARGET_ROLL_INTERVAL_MS, default hourly; 0: never). */
const rollIntervalMs = () => {
  const raw = Number(process.env.TARGET_ROLL_INTERVAL_MS ?? 3_600_000);
  return Number.isFinite(raw) && raw >= 0 ? raw : 3_600_000;
};

/**
 * When a year starts, its quarters and its recurring targets are created (start-up does it too, in
 * prepareDatabase). The check is idempotent and cheap, so every replica runs it and the database's
 * unique keys keep a year from being created twice.
 */
@Injectable()
export class TargetYearsScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('TargetYears');
  private timer: NodeJS.Timeout | null = null;
  private run: Promise<void> | null = null;

  constructor(private readonly years: TargetYearsService) {}

  onApplicationBootstrap(): void {
    const every = rollIntervalMs();
    if (every <= 0) return;
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.run;
  }

  private tick(): void {
    if (this.run) return;
    this.run = this.years
      .roll()
      .then((created) => {
        if (created.length) this.log.log(`新年度指标 ${created.length} 项`);
      })
      .catch((error: unknown) => this.log.error(`新年度指标未能生成:${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.run = null));
  }
}
