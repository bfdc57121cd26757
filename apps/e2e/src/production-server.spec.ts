import { Socket } from 'node:net';
import { Client } from 'pg';
import { startBuiltServer } from './support/built-server';
import { freshDatabase } from './support/fresh-server';

const serverUrl = process.env.DATABASE_URL;
/** These run the built app as deployed, on a real PostgreSQL server (CI has one; the embedded default is tested elsewhere). */
const describeOnServer = serverUrl ? describe : describe.skip;

describeOnServer('the built app in production (NODE_ENV=production)', () => {
  it('refuses to start with demo data, saying why, and creates nothing', async () => {
    const db = await freshDatabase(serverUrl!, 'luoshi_prod');
    try {
      const start = startBuiltServer(
        { NODE_ENV: 'production', DEMO_DATA: '1', DATABASE_URL: db.url, ADMIN_PASSWORD: 'prod-admin-pass-1' },
        30_000,
      );
      await expect(start).rejects.toThrow(/DEMO_DATA=1 is refused in production/);
      const c = new Client({ connectionString: db.url });
      await c.connect();
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      await c.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('migrates as the owner and serves as a role of its own that cannot touch the audit; on SIGTERM it drains and exits', async () => {
    const db = await freshDatabase(serverUrl!, 'luoshi_prod');
    const role = `luoshi_e2e_app_${process.pid}`;
    const owner = new Client({ connectionString: db.url });
    await owner.connect();
    await owner.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD 'e2e-app-pass'`);
    const appUrl = new URL(db.url);
    appUrl.username = role;
    appUrl.password = 'e2e-app-pass';
    try {
      const server = await startBuiltServer({
        NODE_ENV: 'production',
        DEMO_DATA: undefined,
        DATABASE_URL: appUrl.toString(),
        MIGRATION_DATABASE_URL: db.url,
        ADMIN_PASSWORD: 'prod-admin-pass-1',
        SHUTDOWN_DRAIN_MS: '1500',
        SHUTDOWN_GRACE_MS: '8000',
      });
      try {
        expect(server.output()).toContain(`已为数据库角色 ${role} 授予运行所需的最小权限`);
        expect(server.output()).not.toMatch(/could alter the audit/);
        const app = new Client({ connectionString: appUrl.toString() });
        await app.connect();
        await expect(app.query(`UPDATE audit_record SET action = 'x'`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`ALTER TABLE audit_record DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
        await app.end();

        // A request in flight when SIGTERM comes: its body arrives over two seconds.
        const body = JSON.stringify({ query: '{ __typename }' });
        const inFlight = new Promise<string>((resolve, reject) => {
          const socket = new Socket();
          let answer = '';
          socket.connect(Number(new URL(server.url).port), '127.0.0.1', () => {
            socket.write(
              `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 4)}`,
            );
            setTimeout(() => socket.write(body.slice(4)), 2000);
          });
          socket.on('data', (d) => (answer += d));
          socket.on('error', reject);
          socket.on('close', () => resolve(answer));
        });
        await new Promise((r) => setTimeout(r, 300));
        const signalled = Date.now();
        server.signal('SIGTERM');
        await new Promise((r) => setTimeout(r, 300));
        const ready = await fetch(`${server.url}/health/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({ status: 'stopping' });
        const answer = await inFlight;
        expect(answer).toMatch(/^HTTP\/1.1 200/);
        expect(answer).toContain('"__typename":"Query"');
        expect(await server.exited).toBe(0);
        expect(Date.now() - signalled).toBeLessThan(12_000);
      } finally {
        await server.stop();
      }
    } finally {
      await owner.end();
      await db.drop();
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await c.end();
    }
  });
});
