import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import type { Socket } from 'node:net';
import { connect } from 'node:tls';

/** Where a robot message goes once its address is checked: the host, and the vetted address to use. */
export interface PinnedTarget {
  /** The checked robot URL (an allowlisted https endpoint on port 443). */
  url: URL;
  /** The address `url.hostname` resolved to, already found public: the connection goes here and only here. */
  address: string;
  family: number;
}

/**
 * The network under the robot sender: name resolution and the connection. A Nest provider so the
 * integration tests can route the real robot hosts to local receivers (they replace these two
 * methods on the app's instance); nothing in configuration can, so production always speaks TLS
 * to the address it checked.
 */
export abstract class RobotDialer {
  /** Every address the host resolves to (all of them are checked, not just the first). */
  abstract lookup(host: string): Promise<{ address: string; family: number }[]>;
  /** A connected stream to the pinned address, speaking to the host; no second lookup. */
  abstract connect(target: PinnedTarget): Socket;
}

@Injectable()
export class TlsRobotDialer extends RobotDialer {
  lookup(host: string): Promise<{ address: string; family: number }[]> {
    return lookup(host, { all: true, verbatim: true });
  }

  connect(target: PinnedTarget): Socket {
    return connectTls(target.address, Number(target.url.port || 443), target.url.hostname);
  }
}

/**
 * TLS to an IP address with the certificate checked against the host name: `servername` is both
 * the SNI sent and the name the certificate must carry (Node verifies the chain and the name by
 * default; nothing here turns that off). Exported for its test against a local TLS server.
 */
export function connectTls(address: string, port: number, servername: string): Socket {
  return connect({ host: address, port, servername, ALPNProtocols: ['http/1.1'], minVersion: 'TLSv1.2', rejectUnauthorized: true });
}
