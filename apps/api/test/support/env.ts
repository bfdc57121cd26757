// Every test process signs the bootstrap admin in with a known password.
process.env.ADMIN_PASSWORD ??= 'admin-password-for-tests';
process.env.NODE_ENV ??= 'test';
// Attachments go to a throw-away directory per test process.
process.env.ATTACHMENTS_DIR ??= require('node:path').join(require('node:os').tmpdir(), `luoshi-test-attachments-${process.pid}`);
