import { useSyncExternalStore } from 'react';
import { storage } from '../../shared/storage';

/**
 * The policy a person last chose, remembered per signed-in username (one key for visitors), and
 * used wherever an address names no policy (`/`, the main links, links of before policies were in
 * the address). Two people sharing an office computer each get their own.
 */
const KEY_PREFIX = 'luoshi.policy';

export function policyChoiceKey(username: string | null | undefined): string {
  return username ? `${KEY_PREFIX}.${username}` : KEY_PREFIX;
}

const listeners = new Set<() => void>();

export function rememberedPolicyId(username: string | null | undefined): string | null {
  return storage.get(policyChoiceKey(username));
}

export function rememberPolicy(username: string | null | undefined, policyId: string): void {
  if (rememberedPolicyId(username) === policyId) return;
  storage.set(policyChoiceKey(username), policyId);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(KEY_PREFIX)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The remembered policy id of this person, following changes (another tab too). */
export function useRememberedPolicyId(username: string | null | undefined): string | null {
  return useSyncExternalStore(
    subscribe,
    () => rememberedPolicyId(username),
    () => null,
  );
}

/**
 * The policy for an address that names none: the remembered one while it is still published,
 * else the newest published (the API lists policies newest first). Drafts never.
 */
export function pickPolicy<P extends { id: string; status: string }>(
  policies: readonly P[] | null | undefined,
  remembered: string | null,
): P | null {
  const published = (policies ?? []).filter((p) => p.status === 'PUBLISHED');
  return published.find((p) => p.id === remembered) ?? published[0] ?? null;
}

/** Only PUBLISHED policies have pages; a draft's id is as unknown as a made-up one. */
export function publishedPolicy<P extends { id: string; status: string }>(policies: readonly P[] | null | undefined, id: string): P | null {
  return (policies ?? []).find((p) => p.id === id && p.status === 'PUBLISHED') ?? null;
}

const SHORT_TITLE_CHARS = 18;

/**
 * A notice's title short enough for the header: without the 关于印发《…》的通知 wrapping, cut at
 * SHORT_TITLE_CHARS with an ellipsis. `江门市人民政府关于印发《江门市进一步稳就业若干措施》的通知`
 * → `江门市进一步稳就业若干措施`.
 */
export function shortPolicyTitle(title: string, max = SHORT_TITLE_CHARS): string {
  let text = title.trim();
  const quoted = /《([^》]+)》/.exec(text);
  if (quoted) text = quoted[1];
  else text = text.replace(/^.*?关于(印发|印發)?/, '').replace(/的(通知|通告|意见|意見)$/, '');
  text = text.trim() || title.trim();
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}
