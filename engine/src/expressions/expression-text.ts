/**
 * Finds FEEL inside text: a whole-value expression ('= …' or '${…}') or '${…}' placeholders in
 * a template. Braces are matched with FEEL's strings and comments in mind, so `${ {a: "}"}.a }`
 * is one placeholder, not a broken one.
 */

export interface ExpressionSource {
  /** The FEEL text without its markers. */
  body: string;
  /** Where body starts in the original text, to report positions the author can find. */
  offset: number;
}

export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'expression'; source: ExpressionSource };

/** Index of the '}' closing the '{' at `open`, or -1 when it is never closed. */
export function findClosingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      i = skipString(text, i);
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the closing quote of the string starting at `open` (or the end of text). */
function skipString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** The whole-value expression in `text`, or null when text is not one. */
export function wholeExpression(text: string): ExpressionSource | null {
  const start = text.length - text.trimStart().length;
  if (text.startsWith('=', start)) return { body: text.slice(start + 1), offset: start + 1 };
  if (!text.startsWith('${', start)) return null;
  const close = findClosingBrace(text, start + 1);
  if (close === -1 || text.slice(close + 1).trim() !== '') return null;
  return { body: text.slice(start + 2, close), offset: start + 2 };
}

/** Splits a template into literal text and placeholders; throws on a '${' that is never closed. */
export function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  for (let open = text.indexOf('${'); open !== -1; open = text.indexOf('${', cursor)) {
    const close = findClosingBrace(text, open + 1);
    if (close === -1) throw new UnclosedPlaceholderError(open);
    if (open > cursor) parts.push({ kind: 'text', text: text.slice(cursor, open) });
    parts.push({
      kind: 'expression',
      source: { body: text.slice(open + 2, close), offset: open + 2 },
    });
    cursor = close + 1;
  }
  if (cursor < text.length) parts.push({ kind: 'text', text: text.slice(cursor) });
  return parts;
}

export class UnclosedPlaceholderError extends Error {
  constructor(readonly position: number) {
    super(`'\${' at column ${position + 1} is never closed with '}'`);
    this.name = 'UnclosedPlaceholderError';
  }
}
