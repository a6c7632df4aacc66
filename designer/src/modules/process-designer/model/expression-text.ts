/**
 * The two ways a BPMN attribute says "evaluate me" (engine/README.md, "condition / computed
 * value"): `= amount > 10` in the Camunda 8 style, or `${amount > 10}` with FEEL inside.
 * Mirrors engine/src/deployment/expression-text.ts; the designer cannot import the engine.
 */
export function isExpressionText(text: string | undefined): boolean {
  if (text === undefined) return false;
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return true;
  return trimmed.startsWith('${') && closingBrace(trimmed, 1) === trimmed.length - 1;
}

/** Where the FEEL body of an expression text starts, and the body itself. */
export function expressionBody(text: string): { body: string; offset: number } {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return { body: text.slice(start + 1), offset: start + 1 };
  if (trimmed.startsWith('${') && closingBrace(trimmed, 1) === trimmed.length - 1) {
    return { body: trimmed.slice(2, -1), offset: start + 2 };
  }
  return { body: text, offset: 0 };
}

/** Comma-separated entries; a whole-value expression stays one entry. */
export function splitList(text: string | undefined): string[] {
  if (text === undefined) return [];
  if (isExpressionText(text)) return [text.trim()];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Index of the '}' closing the '{' at `open`, or -1; braces inside FEEL strings do not count. */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') i = closingQuote(text, i);
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
