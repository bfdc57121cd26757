import { useEffect, useSyncExternalStore } from 'react';
import type { LoginMutation, Role } from '../graphql/generated';
import { storage } from './storage';

/** mustChangePassword is absent from sessions stored by an older version: treat absent as false. */
export type SessionUser = Omit<LoginMutation['login']['user'], 'mustChangePassword'> & { mustChangePassword?: boolean };

export interface Session {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  user: SessionUser;
}

const SESSION_KEY = 'luoshi.session';
/** Treat a token as expired a little early so a request does not race the server's clock. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The API sends `expiresAt` as a string; accept an ISO date-time or epoch seconds/milliseconds.
 * Returns NaN when it cannot be read.
 */
export function parseExpiresAt(value: string | number): number {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return parseExpiresAt(Number(trimmed));
  return Date.parse(trimmed);
}

export function isSessionLive(session: Pick<Session, 'expiresAt'>, now = Date.now()): boolean {
  return Number.isFinite(session.expiresAt) && session.expiresAt - EXPIRY_MARGIN_MS > now;
}

const ROLES: readonly Role[] = ['ADMIN', 'OFFICE', 'LEADER', 'REPORTER'];

/** Parses what we stored; anything malformed (older app version, manual edits) counts as signed out. */
export function parseStoredSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    const user = value.user;
    if (
      typeof value.accessToken !== 'string' ||
      typeof value.expiresAt !== 'number' ||
      !user ||
      typeof user.id !== 'string' ||
      typeof user.username !== 'string' ||
      !ROLES.includes(user.role as Role)
    ) {
      return null;
    }
    return { accessToken: value.accessToken, expiresAt: value.expiresAt, user: { ...user, agency: user.agency ?? null } };
  } catch {
    return null;
  }
}

// --- a tiny external store over localStorage, so every component sees sign-in/out at once ---

const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } | undefined;

function notify() {
  cached = undefined;
  listeners.forEach((listener) => listener());
}

function readSession(): Session | null {
  const raw = storage.get(SESSION_KEY);
  if (!cached || cached.raw !== raw) cached = { raw, session: parseStoredSession(raw) };
  return cached.session;
}

/** The live session, or null. An expired session is removed on the way. */
export function getSession(now = Date.now()): Session | null {
  const session = readSession();
  if (session && !isSessionLive(session, now)) {
    clearSession();
    return null;
  }
  return session;
}

export function getAccessToken(): string | null {
  return getSession()?.accessToken ?? null;
}

export function saveSession(payload: Omit<LoginMutation['login'], 'user'> & { user: SessionUser }): Session {
  const session: Session = {
    accessToken: payload.accessToken,
    expiresAt: parseExpiresAt(payload.expiresAt),
    user: payload.user,
  };
  storage.set(SESSION_KEY, JSON.stringify(session));
  notify();
  return session;
}

export function clearSession(): void {
  storage.remove(SESSION_KEY);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Signing in or out in another tab (or another WeCom webview) updates this one too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === SESSION_KEY) notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** setTimeout's delay is a signed 32-bit int; longer delays fire immediately. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Snapshot for React: must not write (no clearing during render), only hide an expired session. */
function liveSessionSnapshot(): Session | null {
  const session = readSession();
  return session && isSessionLive(session) ? session : null;
}

export function useAuth(): { session: Session | null; user: SessionUser | null; signOut: () => void } {
  const session = useSyncExternalStore(subscribe, liveSessionSnapshot, () => null);

  // Sign out at expiry even if the page just sits open (a meeting-room screen does).
  useEffect(() => {
    if (!session) return;
    const delay = Math.min(session.expiresAt - EXPIRY_MARGIN_MS - Date.now(), MAX_TIMEOUT_MS);
    const timer = window.setTimeout(() => getSession(), Math.max(delay, 0));
    return () => window.clearTimeout(timer);
  }, [session]);

  return { session, user: session?.user ?? null, signOut: clearSession };
}
