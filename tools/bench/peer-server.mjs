#!/usr/bin/env node
// One of the peers of `npm run bench -- peer`, in a process of its own so that its CPU can be read from /proc:
//   PEER_KIND=postgraphile  PostGraphile 4 (library mode, loaded from the scratch install in PEER_MODULES)
//                           serving schema `peer` (the function peer-sql.mjs creates) on POST /graphql;
//   PEER_KIND=raw           node:http + pg running RAW_SQL (the answer built as one json text in PostgreSQL)
//                           and writing that text as it comes.
// Both answer GET /health/ready (so bench-lib's spawnApi can start them) and use a pool of 16 connections
// to DATABASE_URL, one per load-generator connection. PORT and HOST as the API.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PEER_SCHEMA, RAW_SQL } from './peer-sql.mjs';

const POOL_SIZE = 16;
const kind = process.env.PEER_KIND;
const modules = process.env.PEER_MODULES; // tmp/peer: postgraphile and pg, not project dependencies
const require = createRequire(join(modules, 'package.json'));
const pg = require('pg');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE, application_name: `peer-${kind}` });

function ready(req, res) {
  if (req.method === 'GET' && req.url === '/health/ready') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return true;
  }
  return false;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

let handler;
if (kind === 'postgraphile') {
  const { postgraphile } = require('postgraphile');
  const graphql = postgraphile(pool, PEER_SCHEMA, {
    disableDefaultMutations: true,
    dynamicJson: true,
    simpleCollections: 'only', // a plain list, like Luoshi's [TargetProgress!]!, not a connection
    setofFunctionsContainNulls: false,
    disableQueryLog: true, // it logs every query to the console by default
    graphiql: false,
    enableCors: false,
    watchPg: false,
    retryOnInitFail: false,
  });
  handler = (req, res) => ready(req, res) || graphql(req, res);
} else if (kind === 'raw') {
  // json arrives as its text: no parse and stringify in Node.
  const types = { getTypeParser: (oid, format) => (oid === 114 ? (v) => v : pg.types.getTypeParser(oid, format)) };
  const query = { name: 'peer-raw-target-progress', text: RAW_SQL, types };
  handler = async (req, res) => {
    if (ready(req, res)) return;
    try {
      const { variables } = JSON.parse(await readBody(req));
      const { rows } = await pool.query({ ...query, values: [variables.policyId, variables.periodId ?? null] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(rows[0].body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(e.message) }] }));
    }
  };
} else {
  throw new Error(`PEER_KIND must be postgraphile or raw, not ${kind}`);
}

const server = createServer(handler);
server.keepAliveTimeout = 30_000; // the load generator keeps its 16 connections between runs
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => process.exit(0)); // a bench server: nothing to finish
