import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useAuth } from '../shared/session';
import { storage } from '../shared/storage';
import type { TextSize } from './theme';

/**
 * 标准/大字: older officials read larger type. Kept per person (a shared office PC serves several
 * accounts), by username in localStorage; before sign-in, the browser's last choice.
 */
const KEY_PREFIX = 'luoshi.textSize';
const storageKey = (username: string | undefined) => (username ? `${KEY_PREFIX}.${username}` : KEY_PREFIX);

export function readTextSize(username?: string): TextSize {
  return storage.get(storageKey(username)) === 'large' ? 'large' : 'normal';
}

interface TextSizeValue {
  size: TextSize;
  setSize: (size: TextSize) => void;
}

const TextSizeContext = createContext<TextSizeValue>({ size: 'normal', setSize: () => undefined });

export function TextSizeProvider({ children }: { children: ReactNode }) {
  const username = useAuth().user?.username;
  const [size, setSizeState] = useState<TextSize>(() => readTextSize(username));
  // Another account signed in (or out): its own choice.
  useEffect(() => setSizeState(readTextSize(username)), [username]);
  const setSize = useCallback(
    (next: TextSize) => {
      setSizeState(next);
      storage.set(storageKey(username), next);
      if (username) storage.set(storageKey(undefined), next); // the sign-in page after sign-out keeps it
    },
    [username],
  );
  // The project's own CSS scales with --ls-text-scale (antd's components scale with the fontSize token).
  useEffect(() => {
    document.documentElement.dataset.textSize = size;
  }, [size]);
  const value = useMemo(() => ({ size, setSize }), [size, setSize]);
  return <TextSizeContext.Provider value={value}>{children}</TextSizeContext.Provider>;
}

export const useTextSize = () => useContext(TextSizeContext);
