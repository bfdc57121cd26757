import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { connect, Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { toSimplified } from '../src/common/chinese-script';
import { PinnedTarget, RobotDialer } from '../src/chasing/robot-dialer';
import { TestServer } from './support/test-server';

/** Moves a period's due date to `days` from today in China (negative: past). */
export async function dueInDays(ds: DataSource, periodId: string, days: number): Promise<void> {
  await ds.query(`UPDATE reporting_period SET due_on = (now() AT TIME ZONE 'Asia/Shanghai')::date + $2::int WHERE id = $1`, [
    periodId,
    days,
  ]);
}

/**
 * Every period of a policy due a year ahead: chasing has no look-back, so a freshly loaded notice's
 * past quarters are all late; a test then makes late only the periods it looks at.
 */
export async function noneDue(ds: DataSource, policyId: string): Promise<void> {
  await ds.query(`UPDATE reporting_period SET due_on = (now() AT TIME ZONE 'Asia/Shanghai')::date + 400 WHERE policy_id = $1`, [policyId]);
}

/** The doc number as chasing messages write it (simplified characters). */
export const docInMessages = (docNumber: string) => toSimplified(docNumber);

export interface Received {
  delivery: string;
  at: number;
  body: { msgtype?: string; text?: { content?: string } };
}

/** What the test robots' hosts resolve to by default: some public address (never connected to). */
export const PUBLIC_TEST_IP = '101.91.22.57';

/** Robot key → the local port its messages go to (every receiver has its own key). */
const portByKey = new Map<string, number>();
let keys = 0;

/** A real robot address (WeCom or DingTalk) whose messages the routed dialer sends to `port`. */
export function robotUrl(kind: 'WECOM' | 'DINGTALK', port: number): string {
  const key = `test-${process.pid}-${++keys}-${port}`;
  portByKey.set(key, port);
  return kind === 'WECOM'
    ? `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`
    : `https://oapi.dingtalk.com/robot/send?access_token=${key}`;
}

export interface RobotRoutes {
  /** Every host looked up, in order, on any of the servers. */
  lookups: string[];
  /** Every vetted address connected to. */
  connects: PinnedTarget[];
  /** What the robot hosts resolve to from now on (default: PUBLIC_TEST_IP). */
  resolveTo: (addresses: string[] | null) => void;
  restore: () => void;
}

/**
 * The tests' side of the sender's seam: the app's RobotDialer (a provider) keeps everything but
 * the network — the allowlist, the address vetting, the request and the reading of the answer all
 * run — while its lookup answers what the test says and its connection goes to the local receiver
 * of the address's key over plain TCP. Only test code can do this; no setting can.
 */
export function routeRobots(...servers: TestServer[]): RobotRoutes {
  let answer: string[] | null = null;
  const routes: RobotRoutes = {
    lookups: [],
    connects: [],
    resolveTo: (addresses) => (answer = addresses),
    restore: () => undefined,
  };
  const restores = servers.map((server) => {
    const dialer = server.resolve(RobotDialer);
    const original = { lookup: dialer.lookup, connect: dialer.connect };
    dialer.lookup = async (host: string) => {
      routes.lookups.push(host);
      return (answer ?? [PUBLIC_TEST_IP]).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
    dialer.connect = (target: PinnedTarget): Socket => {
      routes.connects.push(target);
      const key = target.url.searchParams.get('key') ?? target.url.searchParams.get('access_token') ?? '';
      const port = portByKey.get(key);
      if (port === undefined) throw new Error(`no test receiver for robot key ${key}`);
      return connect(port, '127.0.0.1');
    };
    return () => Object.assign(dialer, original);
  });
  routes.restore = () => restores.forEach((r) => r());
  return routes;
}

/**
 * A group robot stand-in on a random port, reached through routeRobots at a real robot address
 * (`url`). `answer` decides each reply from the delivery id and how many times that id has been
 * seen (1 = first): a status, a body (JSON, or text as it is) and headers, or 'hang' to never answer.
 */
export async function startReceiver(
  answer: (delivery: string, seen: number) => { status: number; body: unknown; headers?: Record<string, string> } | 'hang' = () => ({
    status: 200,
    body: { errcode: 0, errmsg: 'ok' },
  }),
  kind: 'WECOM' | 'DINGTALK' = 'WECOM',
) {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const delivery = String(req.headers['x-luoshi-delivery'] ?? '');
      received.push({ delivery, at: Date.now(), body: JSON.parse(data || '{}') });
      const reply = answer(delivery, received.filter((r) => r.delivery === delivery).length);
      if (reply === 'hang') return void hanging.push(res);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(text);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: robotUrl(kind, port),
    port,
    received,
    close: () =>
      new Promise<void>((ok) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A port nothing listens on. */
export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as { port: number };
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}
