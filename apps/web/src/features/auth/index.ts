// The auth feature's public entry for other features: the session (who is signed in, their token)
// and requests that carry its token. Pages and the shell's pieces (LoginPage, sign-out) are the app's.
export * from './auth';
export * from './authorized-fetch';
