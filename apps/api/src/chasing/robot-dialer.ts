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
 * The network under the robot sender: name resolution and the connection, nothing else (the
 * allowlist, the address vetting and the request are the sender's). A Nest provider so the
 * integration tests can route the real robot hosts to local receivers by replacing these two
 * methods on the app's instance; nothing in configuration can, so production always speaks TLS to
 * the address the sender checked.
 */
@Injectable()
export class RobotDialer {
  /** Every address the host resolves to (the sender checks all of them, not just the first). */
  lookup(host: string): Promise<{ address: string; family: number }[]> {
    return lookup(host, { all: true, verbatim: true });
  }

  /** A connection to the pinned address, speaking TLS to the host: no second lookup. */
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
