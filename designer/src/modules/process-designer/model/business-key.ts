import {
  BUSINESS_KEY_PROPERTY,
  formatKey,
  parsePattern,
  patternIssues,
  type PatternIssue,
} from '../../../../../engine/src/business-keys/business-key-pattern';
import { extensionPropertyOf, type ModdleElement } from './moddle-element';

// the engine's own parser (a file with no imports), so the designer and the deployment agree
export { BUSINESS_KEY_PROPERTY, patternIssues, type PatternIssue };

export function businessKeyPatternOf(process: ModdleElement | undefined): string | undefined {
  return extensionPropertyOf(process, BUSINESS_KEY_PROPERTY);
}

/**
 * The first key the pattern gives on `at` (number 1), in the browser's time zone; undefined for
 * a pattern with issues.
 */
export function previewBusinessKey(pattern: string, at: Date): string | undefined {
  if (patternIssues(pattern).length > 0) return undefined;
  return formatKey(parsePattern(pattern), at, -at.getTimezoneOffset(), 1);
}

const LINT_KEYS: Record<PatternIssue['code'], string> = {
  'too-long': 'businessKeyTooLong',
  'seq-width': 'businessKeySeqWidth',
  'unknown-field': 'businessKeyUnknownField',
  'unbalanced-brace': 'businessKeyBrace',
  'bad-text': 'businessKeyText',
  'seq-count': 'businessKeySeqCount',
};

/** An issue as a lint message key (under processDesigner.lint.) and its values. */
export function issueFinding(issue: PatternIssue): {
  key: string;
  vars: Record<string, string | number>;
} {
  const { code, ...vars } = issue;
  return { key: LINT_KEYS[code], vars };
}
