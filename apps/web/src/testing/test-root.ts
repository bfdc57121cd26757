import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/**
 * A fresh DOM container and React root for each test of the calling file, unmounted after it.
 * Read `container` and `root` at use time: they are new for every test.
 */
export function testRoot(): { readonly container: HTMLDivElement; readonly root: Root } {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });
  return {
    get container() {
      return container;
    },
    get root() {
      return root;
    },
  };
}

/** Retries `check` while React settles (queries answering, lazy chunks loading), up to `timeoutMs`. */
export async function waitFor(check: () => void, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    }
  }
}
