import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { toSimplified } from '../src/common/chinese-script';

/** Moves a period's due date to `days` from today in China (negative: past). */
export async function dueInDays(ds: DataSource, periodId: string, days: number): Promise<void> {
  await ds.query(`UPDATE reporting_period SET due_on = (now() AT TIME ZONE 'Asia/Shanghai')::date + $2::int WHERE id = $1`, [periodId, days]);
}

/** The doc number as chasing messages write it (simplified characters). */
export const docInMessages = (docNumber: string) => toSimplified(docNumber);

export interface Received {
  delivery: string;
  at: number;
  body: { msgtype?: string; text?: { content?: string } };
}

/**
 * A group robot stand-in on a random port. `answer` decides each reply from the delivery id and
 * how many times that id has been seen (1 = first): a status and body, or 'hang' to never answer.
 */
export async function startReceiver(answer: (delivery: string, seen: number) => { status: number; body: unknown } | 'hang' = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } })) {
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
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=secret-key-${port}`,
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
