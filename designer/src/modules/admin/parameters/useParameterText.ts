import { useCallback, useMemo } from 'react';
import { hasMessage, useLanguage, useT } from '../../../shared/i18n';
import { durationParts } from './duration';
import type { ParameterDefinition } from './parameter-catalog';
import './parameters-messages';

/**
 * The words of a library parameter in the current language: Chinese from the library itself,
 * English from parameters-messages.ts when it has them (else the Chinese text).
 */
export function useParameterText() {
  const t = useT();
  const { language } = useLanguage();
  const english = useCallback(
    (key: string, chinese: string) =>
      language === 'en' && hasMessage(key) && t(key) !== key ? t(key) : chinese,
    [language, t],
  );
  const describeDuration = useCallback(
    (text: unknown) => {
      if (typeof text !== 'string') return '';
      const parts = durationParts(text);
      if (parts.length === 0) return text;
      return parts
        .map((part) => t(`adminParams.duration.amounts.${part.unit}`, { n: part.amount }))
        .join(language === 'en' ? ' ' : '');
    },
    [t, language],
  );
  return useMemo(
    () => ({
      name: (d: ParameterDefinition) => english(`adminParams.names.${d.key}`, d.label),
      description: (d: ParameterDefinition) =>
        english(
          `adminParams.descriptions.${d.key}`,
          hasMessage(`adminParams.zhDescriptions.${d.key}`)
            ? t(`adminParams.zhDescriptions.${d.key}`)
            : d.description,
        ),
      /** The default in a few words (lists shortened to their codes or a count). */
      describeDefault: (d: ParameterDefinition): string => {
        if (d.kind === 'codeList' && Array.isArray(d.default))
          return d.default
            .map((c: { code: string }) => c.code)
            .join(language === 'en' ? ', ' : '、');
        if (d.kind === 'itemList' && Array.isArray(d.default))
          return t('adminParams.itemCount', { count: d.default.length });
        return '';
      },
      group: (group: string) => english(`adminParams.groups.${group}`, group),
      option: (d: ParameterDefinition, value: string) =>
        english(
          `adminParams.options.${d.key}.${value}`,
          d.options?.find((o) => o.value === value)?.label ?? value,
        ),
      describeDuration,
      /** A value in words, for "default: …" and the wizard's review. */
      describeValue: (d: ParameterDefinition, value: unknown): string => {
        const join = language === 'en' ? ', ' : '、';
        switch (d.kind) {
          case 'duration':
            return describeDuration(value);
          case 'durations':
            return Array.isArray(value) ? value.map(describeDuration).join(join) : '';
          case 'boolean':
            return value ? t('adminParams.yes') : t('adminParams.no');
          case 'choice':
            return typeof value === 'string'
              ? english(
                  `adminParams.options.${d.key}.${value}`,
                  d.options?.find((o) => o.value === value)?.label ?? value,
                )
              : '';
          case 'choices':
            return Array.isArray(value)
              ? value
                  .map((v: string) =>
                    english(
                      `adminParams.options.${d.key}.${v}`,
                      d.options?.find((o) => o.value === v)?.label ?? v,
                    ),
                  )
                  .join(join)
              : '';
          case 'codeList':
            return Array.isArray(value)
              ? value.map((c: { code: string; label: string }) => `${c.code} ${c.label}`).join(join)
              : '';
          case 'itemList':
            return Array.isArray(value)
              ? value.map((i: { label: string }) => i.label).join(join)
              : '';
          default:
            return value === undefined || value === null ? '' : String(value);
        }
      },
    }),
    [english, describeDuration, language, t],
  );
}
