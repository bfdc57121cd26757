/** Pure helpers of the notice bell, kept apart so they are tested without rendering anything. */

/** The badge: antd caps at 99 by itself, but the label read out to screen readers should match. */
export const badgeText = (count: number): string => (count > 99 ? '99+' : String(Math.max(0, count)));

export type Age =
  | { key: 'notices.justNow' }
  | { key: 'notices.minutesAgo' | 'notices.hoursAgo' | 'notices.daysAgo'; n: number }
  | { key: 'notices.date'; date: string };

/** How long ago, in the words of a message key; a week or older shows the date (China time). */
export function ageOf(createdAt: string, now: Date): Age {
  const created = new Date(createdAt);
  const minutes = Math.floor((now.getTime() - created.getTime()) / 60_000);
  if (minutes < 1) return { key: 'notices.justNow' };
  if (minutes < 60) return { key: 'notices.minutesAgo', n: minutes };
  if (minutes < 24 * 60) return { key: 'notices.hoursAgo', n: Math.floor(minutes / 60) };
  if (minutes < 7 * 24 * 60) return { key: 'notices.daysAgo', n: Math.floor(minutes / (24 * 60)) };
  // The date in China, whatever the browser's zone: due dates in notices are China dates too.
  const date = new Date(created.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return { key: 'notices.date', date };
}

/**
 * A notice's link as a route inside the app, or null. Links come from the server, but a notice
 * must never send anyone off-site or run script: only a plain path (`/tasks`) passes.
 */
export function safeAppPath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  return link;
}

/** The ids to mark read when the list is opened: the unread ones shown. */
export const unreadIds = (notices: readonly { id: string; readAt: string | null }[]): string[] =>
  notices.filter((n) => !n.readAt).map((n) => n.id);
