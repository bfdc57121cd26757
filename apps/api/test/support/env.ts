// Every test process signs the bootstrap admin in with a known password.
process.env.ADMIN_PASSWORD ??= 'admin-password-for-tests';
process.env.NODE_ENV ??= 'test';
// Attachments go to a throw-away directory per test process.
process.env.ATTACHMENTS_DIR ??= require('node:path').join(require('node:os').tmpdir(), `luoshi-test-attachments-${process.pid}`);
// No scheduled chasing in tests: a pass fired by one file's server would notify another file's
// data. Chasing tests run the pass and the sender themselves.
process.env.CHASE_INTERVAL_MS ??= '0';
process.env.WEBHOOK_POLL_MS ??= '0';
