import { useCallback } from 'react';
import { isApiError, NETWORK_ERROR } from './api';
import './common-messages';
import { hasMessage, useLanguage, useT, type Language, type Translate } from './i18n';

/**
 * A sentence for a person, never a stack trace. In Chinese the server's own message (always zh-CN,
 * and the most specific) is shown; in English the error code is localised. Server faults (5xx) and
 * anything unknown get a generic sentence.
 */
export function errorMessage(error: unknown, t: Translate, language: Language = 'zh-CN'): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.status >= 500 || error.code.startsWith('HTTP_')) return t('errors.generic');
  const key = `errors.${error.code}`;
  const serverSentence =
    language === 'zh-CN' &&
    error.code !== NETWORK_ERROR &&
    error.code !== 'VALIDATION_FAILED' &&
    error.message &&
    error.message !== error.code;
  if (serverSentence) return error.message;
  return hasMessage(key) ? t(key) : t('errors.generic');
}

/** `const describe = useErrorMessage(); message.error(describe(err))` */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  const { language } = useLanguage();
  return useCallback((error: unknown) => errorMessage(error, t, language), [t, language]);
}
