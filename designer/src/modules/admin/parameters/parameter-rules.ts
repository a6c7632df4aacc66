import type { FormRule } from 'antd';
import type { Translate } from '../../../shared/i18n';
import { isValidDuration } from './duration';
import type { ListItem, ParameterDefinition, ReplyCode } from './parameter-catalog';
import './parameters-messages';

const CODE = /^[A-Za-z0-9]{1,8}$/;
const ITEM_KEY = /^[A-Za-z][\w-]{0,39}$/;

const fail = (message: string) => Promise.reject(new Error(message));

/** The browser's first check of a value (the server checks again and has the last word). */
export function parameterRules(definition: ParameterDefinition, t: Translate): FormRule[] {
  switch (definition.kind) {
    case 'text':
      return [
        { required: true, whitespace: true, message: t('adminParams.rules.required') },
        { max: 200, message: t('adminParams.rules.text') },
      ];
    case 'time':
      return [
        {
          validator: (_, value: unknown) =>
            typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
              ? Promise.resolve()
              : fail(t('adminParams.rules.time')),
        },
      ];
    case 'integer': {
      const min = definition.min ?? 0;
      const max = definition.max ?? 9999;
      return [
        {
          validator: (_, value: unknown) =>
            Number.isInteger(value) && (value as number) >= min && (value as number) <= max
              ? Promise.resolve()
              : fail(t('adminParams.rules.integer', { min, max })),
        },
      ];
    }
    case 'duration':
      return [
        {
          validator: (_, value: unknown) =>
            isValidDuration(value) ? Promise.resolve() : fail(t('adminParams.duration.invalid')),
        },
      ];
    case 'durations':
      return [
        {
          validator: (_, value: unknown) =>
            Array.isArray(value) && value.every(isValidDuration)
              ? Promise.resolve()
              : fail(t('adminParams.duration.invalid')),
        },
      ];
    case 'choices':
      return [
        {
          validator: (_, value: unknown) =>
            Array.isArray(value) && value.length > 0
              ? Promise.resolve()
              : fail(t('adminParams.rules.choicesRequired')),
        },
      ];
    case 'codeList':
      return [{ validator: (_, value: ReplyCode[] | undefined) => checkCodes(value ?? [], t) }];
    case 'itemList':
      return [{ validator: (_, value: ListItem[] | undefined) => checkItems(value ?? [], t) }];
    default:
      return [];
  }
}

function checkCodes(list: ReplyCode[], t: Translate): Promise<void> {
  if (list.length === 0) return fail(t('adminParams.codes.atLeastOne'));
  const problems: string[] = [];
  list.forEach((entry, index) => {
    const where = `${index + 1}. `;
    if (!CODE.test(entry.code)) problems.push(where + t('adminParams.codes.codeRule'));
    if (!entry.label.trim()) problems.push(where + t('adminParams.codes.labelRequired'));
  });
  if (new Set(list.map((e) => e.code)).size !== list.length)
    problems.push(t('adminParams.codes.duplicate'));
  return problems.length ? fail(problems.join('；')) : Promise.resolve();
}

function checkItems(list: ListItem[], t: Translate): Promise<void> {
  if (list.length === 0) return fail(t('adminParams.items.atLeastOne'));
  const problems: string[] = [];
  list.forEach((entry, index) => {
    const where = `${index + 1}. `;
    if (!ITEM_KEY.test(entry.key)) problems.push(where + t('adminParams.items.keyRule'));
    if (!entry.label.trim()) problems.push(where + t('adminParams.items.labelRequired'));
  });
  if (new Set(list.map((e) => e.key)).size !== list.length)
    problems.push(t('adminParams.items.duplicate'));
  return problems.length ? fail(problems.join('；')) : Promise.resolve();
}
