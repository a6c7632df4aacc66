import type { ModuleDeclaration } from 'didi';
import { bpmnJsZhCn } from './bpmn-js-zh-cn';
import { providerZhCn } from './provider-zh-cn';

export type BpmnTranslate = (template: string, replacements?: Record<string, unknown>) => string;

const dictionaries: Record<string, Record<string, string>> = {
  'zh-CN': { ...bpmnJsZhCn, ...providerZhCn },
  en: {},
};

/** bpmn-js's `translate` service for one language: English templates, `{name}` placeholders. */
export function createTranslate(language: string): BpmnTranslate {
  const dictionary = dictionaries[language] ?? {};
  return (template, replacements = {}) =>
    (dictionary[template] ?? template).replace(/\{([^}]+)\}/g, (whole, key: string) => {
      const value = replacements[key];
      return value === undefined || value === null ? whole : String(value);
    });
}

/** Replaces bpmn-js's identity translation; the modeler is rebuilt when the language changes. */
export function translateModule(language: string): ModuleDeclaration {
  return { translate: ['value', createTranslate(language)] };
}
