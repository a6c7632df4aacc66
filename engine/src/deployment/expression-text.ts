/**
 * The two ways a BPMN attribute says "evaluate me" (README, "condition / computed value"):
 * `= amount > 10` in the Camunda 8 style, or `${amount > 10}` with FEEL inside. `${a} + ${b}`
 * is not one expression: its first brace closes before the end.
 */
export function isExpressionText(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return true;
  return trimmed.startsWith('${') && closingBrace(trimmed, 1) === trimmed.length - 1;
}

/** The FEEL source of an expression text, without its '=' or `${ }` marker. */
export function expressionSource(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return trimmed.slice(1).trim();
  if (isExpressionText(trimmed)) return trimmed.slice(2, -1).trim();
  return trimmed;
}

/**
 * Splits a comma-separated attribute into its entries. A whole-value expression stays one entry,
 * because splitting `${pick(a, b)}` at its comma would break it.
 */
export function splitList(text: string | undefined): string[] {
  if (text === undefined) return [];
  if (isExpressionText(text)) return [text.trim()];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Index of the '}' closing the '{' at `open`, or -1; braces inside FEEL strings do not count. */
function closingBrace(text: string, open: number): number {
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
