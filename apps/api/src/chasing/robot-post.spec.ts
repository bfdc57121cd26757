import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, createServer as createTlsServer } from 'node:tls';
import { connectTls, PinnedTarget, RobotDialer } from './robot-dialer';
import { postRobotText, RobotRefused } from './robot-post';

const URL_WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1';
const PUBLIC_IP = '101.91.22.57';
const SECRET = 'SECRET-internal-banner-do-not-echo';

/** The real robot hosts, routed to a local port: the sender's own request code runs over it. */
class LocalDialer extends RobotDialer {
  readonly lookups: string[] = [];
  readonly connects: PinnedTarget[] = [];
  constructor(
    private readonly port: () => number,
    private readonly answer: (host: string) => Promise<{ address: string; family: number }[]> = async () => [
      { address: PUBLIC_IP, family: 4 },
    ],
  ) {
    super();
  }
  override lookup(host: string) {
    this.lookups.push(host);
    return this.answer(host);
  }
  override connect(target: PinnedTarget): Socket {
    this.connects.push(target);
    return connect(this.port(), '127.0.0.1');
  }
}

interface Seen {
  method?: string;
  url?: string;
  host?: string;
  body: string;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, host: req.headers.host, body });
      handler(req, res);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

const close = (server: Server) =>
  new Promise<void>((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });

/** The reason a post failed with (and whether it was refused rather than tried). */
async function failure(promise: Promise<void>): Promise<{ message: string; refused: boolean }> {
  try {
    await promise;
  } catch (error) {
    return { message: (error as Error).message, refused: error instanceof RobotRefused };
  }
  throw new Error('the post succeeded');
}

describe('postRobotText', () => {
  let robot: Awaited<ReturnType<typeof listen>>;
  let elsewhere: Awaited<ReturnType<typeof listen>>;
  let reply: (res: ServerResponse) => void = (res) => res.writeHead(200).end('{"errcode":0,"errmsg":"ok"}');

  beforeAll(async () => {
    robot = await listen((_req, res) => reply(res));
    elsewhere = await listen((_req, res) => res.writeHead(200).end('{"errcode":0}'));
  });
  afterAll(async () => {
    await Promise.all([close(robot.server), close(elsewhere.server)]);
  });
  beforeEach(() => {
    robot.seen.length = 0;
    elsewhere.seen.length = 0;
  });

  const post = (dialer: RobotDialer, url = URL_WECOM, channel = 'WECOM', timeoutMs = 3000) =>
    postRobotText(dialer, { url, channel }, '催办：测试', timeoutMs, 'd-1');

  it('resolves the host once, connects to the vetted address, and posts the text to the robot’s path', async () => {
    reply = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    const dialer = new LocalDialer(() => robot.port);
    await post(dialer);
    expect(dialer.lookups).toEqual(['qyapi.weixin.qq.com']);
    expect(dialer.connects.map((t) => [t.address, t.url.hostname])).toEqual([[PUBLIC_IP, 'qyapi.weixin.qq.com']]);
    expect(robot.seen).toHaveLength(1);
    expect(robot.seen[0]).toMatchObject({ method: 'POST', url: '/cgi-bin/webhook/send?key=k-1', host: 'qyapi.weixin.qq.com' });
    expect(JSON.parse(robot.seen[0].body)).toEqual({ msgtype: 'text', text: { content: '催办：测试' } });
  });

  it('refuses, without resolving or connecting, an address that is not a robot endpoint (a row stored before the check)', async () => {
    const dialer = new LocalDialer(() => robot.port);
    for (const [url, channel] of [
      [`http://127.0.0.1:${robot.port}/cgi-bin/webhook/send?key=x`, 'WECOM'],
      ['https://169.254.169.254/latest/meta-data/', 'WECOM'],
      ['http://oapi.dingtalk.com/robot/send?access_token=x', 'DINGTALK'],
      [URL_WECOM, 'DINGTALK'], // the row's channel and its address disagree
      [URL_WECOM, 'IN_APP'],
    ]) {
      const f = await failure(post(dialer, url, channel));
      expect([url, f.refused, f.message]).toEqual([url, true, expect.stringContaining('不是允许的机器人地址')]);
    }
    expect(dialer.lookups).toEqual([]);
    expect(dialer.connects).toEqual([]);
    expect(robot.seen).toEqual([]);
  });

  it.each([
    ['127.0.0.1'],
    ['10.1.2.3'],
    ['169.254.169.254'],
    ['100.64.0.1'],
    ['::1'],
    ['::ffff:127.0.0.1'],
    ['fd00::1'],
    ['64:ff9b::a9fe:a9fe'],
  ])('refuses a host resolving to %s, even beside a public address, and connects nowhere', async (inside) => {
    const dialer = new LocalDialer(
      () => robot.port,
      async () => [
        { address: PUBLIC_IP, family: 4 },
        { address: inside, family: inside.includes(':') ? 6 : 4 },
      ],
    );
    const f = await failure(post(dialer));
    expect(f).toEqual({ refused: true, message: 'qyapi.weixin.qq.com 解析到内网或保留地址，为安全起见未发送' });
    expect(dialer.connects).toEqual([]);
    expect(robot.seen).toEqual([]);
  });

  it('does not follow a redirect', async () => {
    reply = (res) => res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/` }).end(SECRET);
    const f = await failure(post(new LocalDialer(() => robot.port)));
    expect(f).toEqual({ refused: false, message: 'HTTP 302（重定向，不跟随）' });
    expect(robot.seen).toHaveLength(1);
    expect(elsewhere.seen).toEqual([]);
  });

  it.each([
    ['an error status', (res: ServerResponse) => res.writeHead(500, { 'content-type': 'text/plain' }).end(SECRET), 'HTTP 500'],
    [
      'a page that is not JSON',
      (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<h1>${SECRET}</h1>`),
      '应答不是机器人的 JSON',
    ],
    ['a robot error', (res: ServerResponse) => res.writeHead(200).end(JSON.stringify({ errcode: 93000, errmsg: SECRET })), 'errcode 93000'],
    ['an errcode that is text', (res: ServerResponse) => res.writeHead(200).end(JSON.stringify({ errcode: SECRET })), '应答缺少 errcode'],
    [
      'an answer of 100 KB',
      (res: ServerResponse) => res.writeHead(200).end(JSON.stringify({ errcode: 0, pad: SECRET.repeat(3000) })),
      '应答过大（超过 8 KB）',
    ],
  ])('records %s in its own words, never the answer’s text', async (_what, answer, expected) => {
    reply = answer;
    const f = await failure(post(new LocalDialer(() => robot.port)));
    expect(f).toEqual({ refused: false, message: expected });
    expect(f.message).not.toContain('SECRET');
  });

  it('gives up after the timeout on a robot that never answers, or a lookup that never ends', async () => {
    reply = () => undefined; // never answers
    const started = Date.now();
    expect(await failure(post(new LocalDialer(() => robot.port), URL_WECOM, 'WECOM', 300))).toEqual({
      refused: false,
      message: '超时（300 毫秒无应答）',
    });
    const stuck = new LocalDialer(
      () => robot.port,
      () => new Promise(() => undefined),
    );
    expect(await failure(post(stuck, URL_WECOM, 'WECOM', 300))).toEqual({ refused: false, message: '超时（300 毫秒无应答）' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('names a network failure by its code only', async () => {
    const notFound = new LocalDialer(
      () => robot.port,
      async () => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${SECRET}`), { code: 'ENOTFOUND' });
      },
    );
    expect(await failure(post(notFound))).toEqual({ refused: false, message: '网络错误：域名解析失败 ENOTFOUND' });
    const dead = await listen(() => undefined);
    const deadPort = dead.port;
    await close(dead.server);
    expect(await failure(post(new LocalDialer(() => deadPort)))).toEqual({ refused: false, message: '网络错误：ECONNREFUSED' });
    const throwing = new LocalDialer(() => {
      throw Object.assign(new Error(SECRET), { code: 'EPROTO' });
    });
    expect(await failure(post(throwing))).toEqual({ refused: false, message: '网络错误：EPROTO' });
  });
});

const haveOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('connectTls (the production dialer’s connection)', () => {
  (haveOpenssl ? it : it.skip)('sends the robot host as SNI and refuses a certificate it cannot verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'robot-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=qyapi.weixin.qq.com',
          '-addext',
          'subjectAltName=DNS:qyapi.weixin.qq.com',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const context = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
      const names: string[] = [];
      const server = createTlsServer({ ...context, SNICallback: (name, cb) => (names.push(name), cb(null, createSecureContext(context))) });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      try {
        const socket = connectTls('127.0.0.1', (server.address() as AddressInfo).port, 'qyapi.weixin.qq.com');
        const error = await new Promise<NodeJS.ErrnoException>((ok) => {
          socket.on('error', ok);
          socket.on('secureConnect', () => ok(Object.assign(new Error('connected'), { code: 'CONNECTED' })));
        });
        socket.destroy();
        expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
        expect(names).toEqual(['qyapi.weixin.qq.com']);
      } finally {
        await new Promise<void>((ok) => server.close(() => ok()));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
