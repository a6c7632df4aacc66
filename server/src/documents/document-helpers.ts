import type Handlebars from 'handlebars';
import { chineseDate, chineseNumber } from './chinese-numerals';

type HandlebarsEnv = typeof Handlebars;

/**
 * The helpers every document template may use. A helper that returns markup builds it from
 * escaped pieces only (SafeString around Handlebars.escapeExpression), so user text never
 * reaches the page unescaped.
 */
export function registerDocumentHelpers(hbs: HandlebarsEnv): void {
  const options = (args: unknown[]) => args.slice(0, -1);
  hbs.registerHelper('cnDate', (value: unknown) => chineseDate(value));
  hbs.registerHelper('cnNumber', (value: unknown) => chineseNumber(Number(value)));
  // {{cnOrdinal @index}} → 一、 (list numbering of the first level)
  hbs.registerHelper('cnOrdinal', (index: unknown) => `${chineseNumber(Number(index) + 1)}、`);
  // {{cnParen @index}} → （一） (the second level)
  hbs.registerHelper('cnParen', (index: unknown) => `（${chineseNumber(Number(index) + 1)}）`);
  hbs.registerHelper('arabicOrdinal', (index: unknown) => `${Number(index) + 1}.`);
  hbs.registerHelper('percent', (value: unknown, digits: unknown) => {
    const n = Number(value);
    if (!Number.isFinite(n)) return '';
    const places = typeof digits === 'number' ? digits : 1;
    return `${(n * 100).toFixed(places).replace(/\.0+$/, '')}%`;
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('or', (...args: unknown[]) => options(args).find(Boolean) ?? '');
  // a list joined (、 by default); a single value as it is
  hbs.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list)
      ? list.join(typeof separator === 'string' ? separator : '、')
      : typeof list === 'string'
        ? list
        : '',
  );
  // {{codeLabel vars.replyCode params.replyCodes}}: the label of a code from a code list
  hbs.registerHelper('codeLabel', (code: unknown, list: unknown) => {
    const entry = Array.isArray(list)
      ? (list as { code?: unknown; value?: unknown; label?: unknown }[]).find(
          (e) => e?.code === code || e?.value === code,
        )
      : undefined;
    return typeof entry?.label === 'string' ? entry.label : String(code ?? '');
  });
  // Multi-line user text as paragraphs: each line escaped, then wrapped.
  hbs.registerHelper('paragraphs', (text: unknown) => {
    if (typeof text !== 'string' || text.trim() === '') return '';
    const html = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => `<p>${hbs.escapeExpression(line)}</p>`)
      .join('\n');
    return new hbs.SafeString(html);
  });
}
