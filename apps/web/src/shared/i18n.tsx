import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTraditionalToSimplified } from './opencc';
import { currentSimplifiedTexts, simplifiedText, subscribeSimplifiedTexts } from './simplified-texts';

/**
 * The i18n hooks every page uses (`useI18n`, `useDisplayText`). The texts themselves live beside
 * the components that show them (`features/<f>/messages.ts`, `shared/messages.ts`,
 * `app/messages.ts`); the shell composes them (app/catalogue.ts) and provides them (app/i18n.tsx).
 */

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';
export const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/**
 * Every UI text's key, by the part of the app that owns it. Each messages.ts adds its part here
 * (`declare module` … `interface MessageCatalog { part: typeof zhHans }`), so `t()` checks every
 * key of the app while this floor imports no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, see above
export interface MessageCatalog {}

export type MessageKey = { [Part in keyof MessageCatalog]: keyof MessageCatalog[Part] }[keyof MessageCatalog];
export type Messages = Record<MessageKey, string>;

/** `{name}` placeholders are filled by `t(key, { name })`; unknown ones stay visible. */
export function formatMessage(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

/** Provided by the shell's `<I18nProvider>` (app/i18n.tsx). */
export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() must be used inside <I18nProvider>');
  return value;
}

/**
 * Display function for policy text, which the database keeps in traditional characters as the
 * notice was written: shown as written in the traditional UI, converted to simplified in the
 * simplified and English UIs (the notice has no English text). A page that registered its texts'
 * simplified forms (the dashboard, `useSimplifiedTexts`) gets them from that list; any other
 * Chinese text loads opencc (~50 KB gzip) once the component has shown it; until it has loaded
 * the text is shown as written, then the component re-renders.
 */
export function useDisplayText(): (text: string) => string {
  const { lang } = useI18n();
  const wantsSimplified = lang !== 'zh-Hant';
  const texts = useSyncExternalStore(subscribeSimplifiedTexts, currentSimplifiedTexts, currentSimplifiedTexts);
  const missed = useRef(false);
  const [needed, setNeeded] = useState(false);
  const toSimplified = useTraditionalToSimplified(wantsSimplified && needed);
  // After each render: if it showed Chinese text the list does not cover, start loading the
  // converter; not while a page's list is on its way (the page registers it in a layout effect,
  // which runs before this effect, after this render).
  useEffect(() => {
    if (!missed.current || needed) return;
    missed.current = false;
    if (!currentSimplifiedTexts().waiting) setNeeded(true);
  });
  return useMemo(() => {
    if (!wantsSimplified) return (text: string) => text;
    return (text: string) => {
      const shown = simplifiedText(text, texts, toSimplified);
      if (shown.needsConverter) missed.current = true;
      return shown.text;
    };
  }, [wantsSimplified, texts, toSimplified]);
}
