/**
 * Messages in zh-CN (first) and English. Each feature registers its own namespace once, at module
 * load: `registerMessages('inbox', { 'zh-CN': { title: '待办' }, en: { title: 'Inbox' } })`, then
 * `const t = useT(); t('inbox.title')`. Values may hold `{name}` placeholders: `t('x.y', { name })`.
 * A key missing in English falls back to zh-CN, then to the key itself (never a crash).
 *
 * The chosen language is kept in localStorage and also switches antd's and dayjs's locale.
 */
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { theme } from './theme';

dayjs.extend(relativeTime);

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];

/** A namespace's messages: nested objects are flattened with dots (`{ a: { b: 'x' } }` → `a.b`). */
export interface MessageTree {
  [key: string]: string | MessageTree;
}
export type Messages = Record<Language, MessageTree>;
export type TranslateVars = Record<string, string | number | undefined | null>;
export type Translate = (key: string, vars?: TranslateVars) => string;

const STORAGE_KEY = 'congressflow.language';
const catalog: Record<Language, Map<string, string>> = { 'zh-CN': new Map(), en: new Map() };

export function registerMessages(namespace: string, messages: Messages): void {
  for (const language of Object.keys(catalog) as Language[]) {
    flatten(messages[language] ?? {}, namespace, catalog[language]);
  }
}

function flatten(tree: MessageTree, prefix: string, into: Map<string, string>): void {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, path, into);
  }
}

/** Whether a key exists (e.g. to localise a server error code only when we know it). */
export function hasMessage(key: string): boolean {
  return catalog['zh-CN'].has(key) || catalog.en.has(key);
}

export function translate(language: Language, key: string, vars?: TranslateVars): string {
  const template = catalog[language].get(key) ?? catalog['zh-CN'].get(key) ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh-CN' || stored === 'en') return stored;
  } catch {
    // storage disabled (private mode): default below
  }
  return 'zh-CN';
}

function applyLanguage(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
}

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const lang = initialLanguage();
    applyLanguage(lang);
    return lang;
  });

  const setLanguage = useCallback((next: Language) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; still switched for this visit
    }
    applyLanguage(next);
    setLanguageState(next);
  }, []);

  useEffect(() => applyLanguage(language), [language]);

  const value = useMemo<I18nValue>(
    () => ({
      language,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
    }),
    [language, setLanguage],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={theme}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLanguage must be used inside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): Pick<I18nValue, 'language' | 'setLanguage'> {
  const { language, setLanguage } = useI18n();
  return { language, setLanguage };
}
