import { createServer, Server, Socket } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { createApp } from '../src/create-app';
import { createDataSource } from '../src/database/data-source';
import { prepareDatabase } from '../src/database/prepare-database';
import { drainAndClose } from '../src/health/graceful-shutdown';
import { DataSource } from 'typeorm';

/** A TCP relay to the test database that can be frozen: the database then accepts but never answers. */
async function freezableRelay(target: URL): Promise<{ port: number; freeze(): void; close(): Promise<void> }> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.on('data', (d) => !frozen && upstream.write(d));
    upstream.on('data', (d) => !frozen && client.write(d));
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as { port: number }).port,
    freeze: () => (frozen = true),
    close: () => new Promise<void>((ok) => (sockets.forEach((s) => s.destroy()), server.close(() => ok()))),
  };
}

async function startOn(url: string): Promise<{ app: INestApplication; base: string; dataSource: DataSource }> {
  const dataSource = createDataSource({ url, poolSize: 3 });
  await dataSource.initialize();
  await prepareDatabase(dataSource);
  const app = await createApp({ dataSource, logger: false, serveWeb: false });
  await app.listen(0, '127.0.0.1');
  return { app, dataSource, base: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
}

describe('readiness and a graceful stop', () => {
  it('answers 503 within about two seconds when the database accepts but never answers; liveness still answers', async () => {
    const target = new URL(process.env.TEST_DATABASE_URL!);
    const relay = await freezableRelay(target);
    const viaRelay = new URL(target);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    const { app, base, dataSource } = await startOn(viaRelay.toString());
    try {
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      relay.freeze();
      const started = Date.now();
      const res = await fetch(`${base}/health/ready`);
      const took = Date.now() - started;
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'database not answering' });
      expect(took).toBeLessThan(6000); // 2 s deadline; generous for a loaded CI machine
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
    } finally {
      await relay.close();
      await app.close().catch(() => undefined);
      await dataSource.destroy().catch(() => undefined);
    }
  });

  it('on stopping: readiness turns 503 at once, a request in flight finishes, then the listener closes', async () => {
    const { app, base, dataSource } = await startOn(process.env.TEST_DATABASE_URL!);
    try {
      // A request whose body arrives slowly is in flight when the stop begins.
      const body = JSON.stringify({ query: '{ __typename }' });
      const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const { port } = new URL(base);
        const socket = new Socket();
        let answer = '';
        socket.connect(Number(port), '127.0.0.1', () => {
          socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
          socket.write(body.slice(0, 5));
          setTimeout(() => socket.write(body.slice(5)), 1200);
        });
        socket.on('data', (d) => (answer += d));
        socket.on('error', reject);
        socket.on('close', () => resolve({ status: Number(answer.split(' ')[1]), text: answer }));
      });
      await new Promise((r) => setTimeout(r, 200));
      const stopped = drainAndClose(app, { drainMs: 600, graceMs: 5000 });
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'stopping' });
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('"__typename":"Query"');
      await stopped;
      await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    } finally {
      await app.close().catch(() => undefined);
      await dataSource.destroy().catch(() => undefined);
    }
  });
});
