import { useEffect, useState } from 'react';

/** Converts traditional Chinese to simplified (mainland) Chinese. */
export type TextConverter = (text: string) => string;

let loaded: TextConverter | null = null;
let pending: Promise<TextConverter> | null = null;

/**
 * Loads opencc-js's traditional->simplified dictionaries (~110 KB) on first use, so they are not
 * part of the first page load. Later calls share the same promise / converter.
 */
export function loadTraditionalToSimplified(): Promise<TextConverter> {
  if (loaded) return Promise.resolve(loaded);
  pending ??= import('opencc-js/t2cn')
    .then((opencc) => {
      // The notice is typed in traditional characters as used in Guangdong; it may mix Taiwan
      // forms (著力) and Hong Kong forms (衞生). Each `from` table maps one regional variant to
      // OpenCC's standard traditional characters; chaining both before the mainland table catches
      // either (from:'hk' alone leaves 著力, from:'tw' alone leaves 衞).
      const convert = opencc.ConverterFactory(...opencc.Locale.from.tw, ...opencc.Locale.from.hk, ...opencc.Locale.to.cn);
      loaded = memoize(convert);
      return loaded;
    })
    .catch((error: unknown) => {
      pending = null; // allow a retry, e.g. after the phone regains network
      throw error;
    });
  return pending;
}

/** The converter if it has already loaded (for code outside React). */
export function loadedTraditionalToSimplified(): TextConverter | null {
  return loaded;
}

/**
 * The converter once loaded, otherwise null. `wanted` starts the download; once loaded the
 * converter is returned whether or not it is still wanted (callers decide whether to apply it).
 */
export function useTraditionalToSimplified(wanted: boolean): TextConverter | null {
  // `() => loaded`, not `loaded`: given a function, useState calls it as an initializer, which
  // would store the converter's answer for no text instead of the converter.
  const [converter, setConverter] = useState<TextConverter | null>(() => loaded);
  useEffect(() => {
    if (!wanted || converter) return;
    let active = true;
    loadTraditionalToSimplified().then(
      (c) => active && setConverter(() => c),
      () => {
        // Keep showing the text as written; conversion is a convenience, not a requirement.
      },
    );
    return () => {
      active = false;
    };
  }, [wanted, converter]);
  return converter;
}

/** The same policy strings are converted on every render and keystroke; cache the results. */
function memoize(convert: TextConverter, maxEntries = 5000): TextConverter {
  const cache = new Map<string, string>();
  return (text) => {
    if (!text) return text;
    let out = cache.get(text);
    if (out === undefined) {
      out = convert(text);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(text, out);
    }
    return out;
  };
}
