import { Injectable } from '@nestjs/common';

/**
 * Whether this process is on its way out. Set on SIGTERM: readiness answers 503 at once, so the
 * proxy or orchestrator stops sending new requests while the ones in flight finish.
 */
@Injectable()
export class Lifecycle {
  private stoppingSince: Date | null = null;

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }

  markStopping(): void {
    this.stoppingSince ??= new Date();
  }
}
