import { TextDecoder, TextEncoder } from 'node:util';

// react-router reads TextEncoder when it loads; jsdom does not provide it.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// jsdom lacks browser APIs that antd calls at render time (responsive grid, auto-size, scroll bar
// measurement). Stubs are enough: the tests check content, not layout.

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });

// jsdom does not implement getComputedStyle(element, pseudoElement) and logs an error for it.
const computeStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computeStyle(element);

// React 19: tell React that act() is available so it does not warn about unwrapped updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
