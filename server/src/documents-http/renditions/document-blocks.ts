import { Parser } from 'htmlparser2';

/** A stretch of text with one look. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A line break before the text (`<br>`). */
  breakBefore?: boolean;
}

/**
 * What a paragraph is in an official document (GB/T 9704): the parts of the 版头, the title, the
 * 主送机关 and flush lines, body text, the headings of levels 1 and 2, and the signature block.
 */
export type ParagraphRole =
  'organMark' | 'docNumber' | 'title' | 'flush' | 'body' | 'heading' | 'subheading' | 'signature';

export type DocumentBlock =
  | { kind: 'paragraph'; role: ParagraphRole; runs: TextRun[]; pageBreakBefore?: boolean }
  | { kind: 'rule' }
  | { kind: 'table'; rows: TableRowBlock[]; pageBreakBefore?: boolean };

export interface TableRowBlock {
  header: boolean;
  cells: TextRun[][];
}

interface OpenElement {
  name: string;
  classes: Set<string>;
  flush: boolean;
}

const SKIPPED = new Set(['head', 'title', 'style', 'script', 'template']);
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'div', 'li']);
const BOLD = new Set(['strong', 'b']);
const ITALIC = new Set(['em', 'i']);

/**
 * Reads a rendered document (the templates' small, known HTML: header, title, body paragraphs,
 * headings, tables, attachments, signature) into blocks a word processor can lay out. Text is
 * taken as the browser shows it: entities decoded, runs of ASCII white space collapsed (the
 * full-width spaces the templates use for alignment are kept).
 */
export function documentBlocks(html: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const open: OpenElement[] = [];
  let skipping = 0;
  let runs: TextRun[] | null = null;
  let paragraphAt: OpenElement[] = [];
  let table: TableRowBlock[] | null = null;
  let tableBreak = false;
  let row: TableRowBlock | null = null;
  let cell: TextRun[] | null = null;
  let rowHasData = false;
  let pendingBreak = false;
  /** Elements with class page-break whose first block is still to come. */
  const breaks = new Set<OpenElement>();

  const within = (cls: string) => open.some((element) => element.classes.has(cls));
  const takeBreak = (): boolean => {
    // a break before the very first block would only leave a blank first page
    const due = breaks.size > 0 && blocks.length > 0;
    breaks.clear();
    return due;
  };
  const roleOf = (name: string, element: OpenElement | undefined): ParagraphRole => {
    if (element?.classes.has('organ-mark')) return 'organMark';
    if (element?.classes.has('doc-number')) return 'docNumber';
    if (name === 'h1') return 'title';
    if (name === 'h2') return 'heading';
    if (name === 'h3' || name === 'h4') return 'subheading';
    if (within('signature')) return 'signature';
    if (element?.classes.has('recipients') || element?.flush) return 'flush';
    return 'body';
  };
  const flushParagraph = (name: string, element?: OpenElement) => {
    if (!runs) return;
    const text = trimRuns(runs);
    runs = null;
    if (text.length === 0) return;
    blocks.push({
      kind: 'paragraph',
      role: roleOf(name, element),
      runs: text,
      ...(takeBreak() && { pageBreakBefore: true }),
    });
  };
  const addText = (text: string) => {
    const target = cell ?? runs;
    const look = {
      ...(open.some((e) => BOLD.has(e.name)) && { bold: true }),
      ...(open.some((e) => ITALIC.has(e.name)) && { italic: true }),
    };
    const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (target) {
      const last = target.at(-1);
      // the parser hands text over in pieces (around entities): same look, same run
      if (last && !pendingBreak && !last.bold === !look.bold && !last.italic === !look.italic)
        last.text = (last.text + collapsed).replace(/ {2,}/g, ' ');
      else target.push({ text: collapsed, ...look, ...(pendingBreak && { breakBefore: true }) });
      pendingBreak = false;
    } else if (collapsed.trim() !== '' && !table) {
      // loose text between blocks reads as a paragraph of its own
      runs = [{ text: collapsed, ...look }];
      paragraphAt = [...open];
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: OpenElement = {
          name,
          classes: new Set((attributes.class ?? '').split(/\s+/).filter(Boolean)),
          flush: /text-indent\s*:\s*0/.test(attributes.style ?? ''),
        };
        open.push(element);
        if (element.classes.has('page-break')) breaks.add(element);
        if (SKIPPED.has(name) || skipping > 0) {
          skipping += 1;
          return;
        }
        if (name === 'br') {
          pendingBreak = true;
          return;
        }
        if (name === 'hr') {
          flushParagraph('p', paragraphAt.at(-1));
          blocks.push({ kind: 'rule' });
          return;
        }
        if (name === 'table') {
          flushParagraph('p', paragraphAt.at(-1));
          table = [];
          tableBreak = takeBreak();
          return;
        }
        if (name === 'tr' && table) {
          row = { header: within('thead'), cells: [] };
          rowHasData = false;
          return;
        }
        if ((name === 'td' || name === 'th') && row) {
          cell = [];
          if (name === 'td') rowHasData = true;
          return;
        }
        if (PARAGRAPHS.has(name) && !cell) {
          flushParagraph('p', paragraphAt.at(-1));
          runs = [];
          paragraphAt = [...open];
        }
      },
      ontext(text) {
        if (skipping > 0) return;
        addText(text);
      },
      onclosetag(name) {
        const element = open.pop();
        if (skipping > 0) {
          skipping -= 1;
          return;
        }
        if ((name === 'td' || name === 'th') && row && cell) {
          row.cells.push(trimRuns(cell));
          cell = null;
        } else if (name === 'tr' && table && row) {
          // a row of th cells only is a header row too (tables without thead)
          if (row.cells.length > 0) table.push({ ...row, header: row.header || !rowHasData });
          row = null;
        } else if (name === 'table' && table) {
          if (table.length > 0)
            blocks.push({
              kind: 'table',
              rows: table,
              ...(tableBreak && { pageBreakBefore: true }),
            });
          table = null;
        } else if (PARAGRAPHS.has(name) && !cell) {
          flushParagraph(name, element);
        } else if (!BOLD.has(name) && !ITALIC.has(name) && name !== 'br' && name !== 'span') {
          // a container closes: loose text in it ends here
          flushParagraph('p', paragraphAt.at(-1));
        }
        if (element) breaks.delete(element);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flushParagraph('p', paragraphAt.at(-1));
  return blocks;
}

/**
 * Drops the spaces a browser would not show at the edges of a block, and empty runs. Only ASCII
 * white space: the full-width spaces (U+3000) that align 附件 lines are text.
 */
function trimRuns(runs: TextRun[]): TextRun[] {
  const blank = (text: string) => /^[ \t\n\r\f]*$/.test(text);
  const out = runs.map((run) => ({ ...run }));
  while (out.length > 0 && blank(out[0]!.text) && !out[0]!.breakBefore) out.shift();
  if (out[0]) out[0].text = out[0].text.replace(/^[ \t\n\r\f]+/, '');
  while (out.length > 0 && blank(out.at(-1)!.text) && !out.at(-1)!.breakBefore) out.pop();
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/[ \t\n\r\f]+$/, '');
  // white space collapses across runs too, as a browser shows it
  out.forEach((run, index) => {
    if (index > 0 && out[index - 1]!.text.endsWith(' ') && run.text.startsWith(' '))
      run.text = run.text.slice(1);
  });
  return out.filter((run) => run.text !== '' || run.breakBefore);
}
