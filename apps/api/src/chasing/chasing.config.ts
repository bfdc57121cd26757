/** Chasing's settings, read from the environment on each use (so a test can change them between runs). */
export interface ChaseConfig {
  /** Between two chasing passes; 0 switches the scheduled passes off (runChaseNow still works). */
  intervalMs: number;
  /** The first pass after start, so a restarting replica does not chase before it is ready. */
  firstDelayMs: number;
  /** Reminders this many days before a due date; 0 = no reminders, only overdue chasing. */
  remindDaysBefore: number;
  /** How often the sender looks for webhook messages due (retries); 0 = only after a pass. */
  sendIntervalMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
}

function num(value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n >= min ? n : fallback;
}

export function chaseConfig(env: NodeJS.ProcessEnv = process.env): ChaseConfig {
  return {
    intervalMs: num(env.CHASE_INTERVAL_MS, 10 * 60_000),
    firstDelayMs: num(env.CHASE_FIRST_DELAY_MS, 20_000),
    remindDaysBefore: Math.floor(num(env.CHASE_REMIND_DAYS_BEFORE, 3)),
    sendIntervalMs: num(env.WEBHOOK_POLL_MS, 15_000),
    retryBaseMs: num(env.WEBHOOK_RETRY_BASE_MS, 60_000, 1),
    maxAttempts: Math.floor(num(env.WEBHOOK_MAX_ATTEMPTS, 6, 1)),
    timeoutMs: num(env.WEBHOOK_TIMEOUT_MS, 5_000, 1),
  };
}

/** The wait after the n-th failed attempt (n from 1): base, 2×base, 4×base, … */
export const backoffMs = (attempts: number, baseMs: number) => baseMs * 2 ** Math.max(attempts - 1, 0);
