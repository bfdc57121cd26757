import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';
import { pingDatabase } from './health.queries';
import { Lifecycle } from './lifecycle';

/** A readiness probe must answer within its own timeout: a database that accepts but never answers is "not ready". */
export const READY_TIMEOUT_MS = 2000;

type Readiness = 'ready' | 'migrations pending' | 'database unreachable' | 'database not answering' | 'stopping';

function within<T>(ms: number, work: Promise<T>): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((ok) => (timer = setTimeout(() => ok('timeout'), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: Lifecycle,
  ) {}

  /** The process is up (for a container's liveness probe). */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  live() {
    return { status: 'ok' };
  }

  /** The database answers and every migration is applied, and the process is not stopping: traffic may come. */
  @Get('ready')
  async ready(@Res() res: Response) {
    const status = await this.readiness();
    res.setHeader('Cache-Control', 'no-store');
    return res.status(status === 'ready' ? 200 : 503).json({ status });
  }

  private async readiness(): Promise<Readiness> {
    if (this.lifecycle.stopping) return 'stopping';
    const check = (async (): Promise<Readiness> => {
      await pingDatabase(this.dataSource);
      return (await this.dataSource.showMigrations()) ? 'migrations pending' : 'ready';
    })().catch((): Readiness => 'database unreachable');
    const result = await within(READY_TIMEOUT_MS, check);
    return result === 'timeout' ? 'database not answering' : result;
  }
}
