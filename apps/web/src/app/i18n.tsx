import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/es/locale/zh_CN';
import zhTW from 'antd/es/locale/zh_TW';
import enUS from 'antd/es/locale/en_US';
// The date picker's month and weekday names come from dayjs's locale (antd's names which one):
// simplified Chinese, the default, is here; traditional is loaded when chosen; English is built in.
import 'dayjs/locale/zh-cn';
import { formatMessage, I18nContext, LANGS, type I18nValue, type Lang } from '../shared/i18n';
import { storage } from '../shared/storage';
import { MESSAGES } from './catalogue';

const LANG_STORAGE_KEY = 'luoshi.lang';
/** Simplified by default: most users are mainland officials, whatever their browser says. */
const DEFAULT_LANG: Lang = 'zh-Hans';

const ANTD_LOCALES: Record<Lang, Locale> = { 'zh-Hans': zhCN, 'zh-Hant': zhTW, en: enUS };
/** The `<html lang>` value, so screen readers and fonts pick the right glyphs. */
const HTML_LANG: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' };

export function readStoredLang(): Lang {
  const stored = storage.get(LANG_STORAGE_KEY);
  return LANGS.includes(stored as Lang) ? (stored as Lang) : DEFAULT_LANG;
}

/** The shell's half of i18n: the chosen language, its texts (every part's, app/catalogue.ts) and antd's locale. */
export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? readStoredLang());

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storage.set(LANG_STORAGE_KEY, next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);

  // 繁體's dayjs locale arrives after the first render: a new locale object then redraws the pickers.
  const [zhTwLoaded, setZhTwLoaded] = useState(false);
  useEffect(() => {
    if (lang !== 'zh-Hant' || zhTwLoaded) return;
    let live = true;
    void import('dayjs/locale/zh-tw').then(() => live && setZhTwLoaded(true));
    return () => {
      live = false;
    };
  }, [lang, zhTwLoaded]);
  const antdLocale = useMemo(() => (zhTwLoaded ? { ...ANTD_LOCALES[lang] } : ANTD_LOCALES[lang]), [lang, zhTwLoaded]);

  const value = useMemo<I18nValue>(() => {
    const messages = MESSAGES[lang];
    return { lang, setLang, t: (key, vars) => formatMessage(messages[key], vars) };
  }, [lang, setLang]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocale}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}
