// Every test process signs the bootstrap admin in with a known password.
process.env.ADMIN_PASSWORD ??= 'admin-password-for-tests';
process.env.NODE_ENV ??= 'test';
