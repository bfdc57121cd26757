import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The deployment as written (docker/compose.yaml, docker/Dockerfile), read the way an operator's
 * `docker compose config` would: the app writes only to its volume and /tmp, as the image's user.
 * (`docker-compose -f docker/compose.yaml config` with the secrets set validates the file fully.)
 */
describe('the compose file and the image', () => {
  const root = join(__dirname, '../../..');
  const compose = parse(readFileSync(join(root, 'docker/compose.yaml'), 'utf8')) as {
    services: Record<
      string,
      { user?: string; read_only?: boolean; tmpfs?: string[]; volumes?: string[]; environment?: Record<string, string>; ports?: string[] }
    >;
    volumes: Record<string, unknown>;
  };
  const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');

  it('runs the app and the migration as uid 10001 on a read-only root, with /tmp in memory', () => {
    for (const name of ['app', 'migrate']) {
      const service = compose.services[name];
      expect([name, service.user, service.read_only, service.tmpfs]).toEqual([name, '10001:10001', true, ['/tmp']]);
    }
    expect(dockerfile).toMatch(/useradd --system --uid 10001 --gid 10001/);
    expect(dockerfile).toMatch(/^USER luoshi$/m);
  });

  it('gives the app a named /data volume that the image creates owned by the app user, and DATA_DIR there', () => {
    const app = compose.services.app;
    expect(app.volumes).toEqual(['appdata:/data']);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['appdata', 'pgdata']));
    expect(app.environment).toMatchObject({ DATA_DIR: '/data', ATTACHMENT_STORE: 'postgres' });
    expect(dockerfile).toMatch(/mkdir -p \/data && chown luoshi:luoshi \/data/);
    expect(dockerfile).toMatch(/DATA_DIR=\/data/);
    // Replicas (--scale app=N) each need a host port of their own for the proxy in front.
    expect(app.ports).toEqual(['3000-3009:3000']);
  });
});
