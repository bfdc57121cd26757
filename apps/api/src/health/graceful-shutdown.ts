import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { Lifecycle } from './lifecycle';

export interface ShutdownTimings {
  /** How long readiness answers 503 while the process still serves, so the proxy stops routing here first. */
  drainMs: number;
  /** The most the requests in flight get to finish after the listener closes; then they are cut. */
  graceMs: number;
}

/** From SHUTDOWN_DRAIN_MS / SHUTDOWN_GRACE_MS; the defaults fit within Docker's and Kubernetes' stop timeouts (10 s / 30 s). */
export function shutdownTimings(env = process.env): ShutdownTimings {
  const number = (v: string | undefined, fallback: number) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : fallback);
  return { drainMs: number(env.SHUTDOWN_DRAIN_MS, env.NODE_ENV === 'production' ? 2000 : 0), graceMs: number(env.SHUTDOWN_GRACE_MS, 6000) };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Stops serving without cutting anyone off: readiness turns 503, the listener stays open for the
 * drain time, then closes (idle keep-alive sockets at once); requests in flight finish (at most
 * graceMs), then the app's own hooks run (jobs stop, pools close). Resolves when all is done.
 */
export async function drainAndClose(app: INestApplication, timings: ShutdownTimings): Promise<void> {
  app.get(Lifecycle, { strict: false }).markStopping();
  if (timings.drainMs > 0) await sleep(timings.drainMs);
  const server = app.getHttpServer() as Server;
  const closed = new Promise<void>((ok) => server.close(() => ok()));
  // Keep-alive sockets stay open after close() until they idle out: end each as soon as it is idle
  // (its response sent), and ask clients to close after a response still to come.
  server.on('request', (_req, res) => res.setHeader('Connection', 'close'));
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<void>((ok) => (timer = setTimeout(() => (server.closeAllConnections(), ok()), timings.graceMs)));
  await Promise.race([closed, cut]);
  clearTimeout(timer);
  clearInterval(idle);
  await app.close();
}
