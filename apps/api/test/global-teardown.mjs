import pg from 'pg';

export default async function globalTeardown() {
  const db = globalThis.__luoshiTestDb;
  if (db && process.env.KEEP_TEST_DB !== '1') {
    const admin = new pg.Client({ connectionString: db.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`);
    await admin.end();
  }
  if (globalThis.__luoshiEmbedded) await globalThis.__luoshiEmbedded.stop();
}
