import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/es/locale/zh_CN';
import zhTW from 'antd/es/locale/zh_TW';
import enUS from 'antd/es/locale/en_US';
import { formatMessage, LANGS, MESSAGES, type Lang, type MessageKey } from './messages';
import { useTraditionalToSimplified } from '../shared/opencc';
import { currentSimplifiedTexts, simplifiedText, subscribeSimplifiedTexts } from '../shared/simplified-texts';
import { storage } from '../shared/storage';

export type { Lang, MessageKey } from './messages';

const LANG_STORAGE_KEY = 'luoshi.lang';
/** Simplified by default: most users are mainland officials, whatever their browser says. */
const DEFAULT_LANG: Lang = 'zh-Hans';

const ANTD_LOCALES: Record<Lang, Locale> = { 'zh-Hans': zhCN, 'zh-Hant': zhTW, en: enUS };
/** The `<html lang>` value, so screen readers and fonts pick the right glyphs. */
const HTML_LANG: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function readStoredLang(): Lang {
  const stored = storage.get(LANG_STORAGE_KEY);
  return LANGS.includes(stored as Lang) ? (stored as Lang) : DEFAULT_LANG;
}

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? readStoredLang());

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storage.set(LANG_STORAGE_KEY, next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);

  const value = useMemo<I18nValue>(() => {
    const messages = MESSAGES[lang];
    return { lang, setLang, t: (key, vars) => formatMessage(messages[key], vars) };
  }, [lang, setLang]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[lang]}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

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
