import {
  AlignmentType,
  BorderStyle,
  Document,
  type IParagraphOptions,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  DocumentBlock,
  ParagraphRole,
  TableRowBlock,
  TextRun as Run,
} from './document-blocks';

/**
 * The fonts GB/T 9704 asks for, by the names Word knows them under (Windows and Office for Mac
 * ship 仿宋, 黑体 and 楷体; offices install 方正小标宋简体). A .docx names its fonts rather than
 * carrying them, so a reader without one sees Word's substitute; the PDF embeds its fonts.
 */
const FONTS = {
  body: '仿宋',
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体',
  latin: 'Times New Roman',
} as const;

const RED = 'C00000';
/** Twips per millimetre. */
const MM = 56.7;
/** 三号 (16 pt) in half-points, the body size; 28.9 pt exact lines give 22 lines per page. */
const BODY_SIZE = 32;
const BODY_LINE = 578;
/** Two characters of 三号. */
const TWO_CHARS = 640;

function font(name: string) {
  return { eastAsia: name, ascii: FONTS.latin, hAnsi: FONTS.latin };
}

interface RoleLook {
  paragraph: Omit<IParagraphOptions, 'children'>;
  run: { size?: number; font?: ReturnType<typeof font>; color?: string; characterSpacing?: number };
}

const indented = { indent: { firstLine: TWO_CHARS, firstLineChars: 200 } };

/** The print view's layout (processes/documents/partials/print-style.hbs), role by role. */
const LOOKS: Record<ParagraphRole, RoleLook> = {
  organMark: {
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { line: 336, lineRule: LineRuleType.AUTO },
    },
    run: { size: 48, font: font(FONTS.title), color: RED, characterSpacing: 20 },
  },
  docNumber: {
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: Math.round(8 * MM) } },
    run: {},
  },
  title: {
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: {
        before: Math.round(12 * MM),
        after: Math.round(8 * MM),
        line: 360,
        lineRule: LineRuleType.AUTO,
      },
    },
    run: { size: 44, font: font(FONTS.title) },
  },
  flush: { paragraph: { alignment: AlignmentType.JUSTIFIED }, run: {} },
  body: { paragraph: { alignment: AlignmentType.JUSTIFIED, ...indented }, run: {} },
  heading: { paragraph: { ...indented, keepNext: true }, run: { font: font(FONTS.heading) } },
  subheading: {
    paragraph: { ...indented, keepNext: true },
    run: { font: font(FONTS.subheading) },
  },
  signature: {
    paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 4 * 320 } },
    run: {},
  },
};

export interface DocxMeta {
  title: string;
  /** 发文机关, written as the file's author. */
  organ?: string;
}

/** Lays the document's blocks out as an A4 .docx with the print view's margins and styles. */
export async function writeDocx(blocks: DocumentBlock[], meta: DocxMeta): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let signatureStarted = false;
  for (const block of blocks) {
    if (block.kind === 'rule') children.push(redRule());
    else if (block.kind === 'table') children.push(...table(block.rows, block.pageBreakBefore));
    else {
      const look = LOOKS[block.role];
      const first = block.role === 'signature' && !signatureStarted;
      if (block.role === 'signature') signatureStarted = true;
      children.push(
        new Paragraph({
          ...look.paragraph,
          ...(first && { spacing: { before: Math.round(14 * MM) } }),
          ...(block.pageBreakBefore && { pageBreakBefore: true }),
          children: runs(block.runs, look.run),
        }),
      );
    }
  }
  const document = new Document({
    title: meta.title,
    creator: meta.organ || 'CongressFlow',
    styles: {
      default: {
        document: {
          run: { size: BODY_SIZE, font: font(FONTS.body) },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(37 * MM),
              right: Math.round(26 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function runs(list: Run[], look: RoleLook['run']): TextRun[] {
  return list.map(
    (run) =>
      new TextRun({
        text: run.text,
        ...look,
        ...(run.bold && { bold: true }),
        ...(run.italic && { italics: true }),
        ...(run.breakBefore && { break: 1 }),
      }),
  );
}

/** The 版头's red separator: an empty, short line with a red bottom border. */
function redRule(): Paragraph {
  return new Paragraph({
    spacing: { before: Math.round(4 * MM), line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 1 } },
    children: [],
  });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** A table of the print view: full width, thin black rules, 12 pt text, header rows repeated. */
function table(rows: TableRowBlock[], pageBreakBefore?: boolean): (Paragraph | Table)[] {
  const columns = Math.max(...rows.map((row) => row.cells.length));
  const built = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          cantSplit: true,
          children: Array.from({ length: columns }, (_, index) => {
            const cell = row.cells[index] ?? [];
            return new TableCell({
              margins: { left: Math.round(2 * MM), right: Math.round(2 * MM) },
              children: [
                new Paragraph({
                  spacing: { line: 384, lineRule: LineRuleType.AUTO },
                  children: runs(
                    cell.map((run) => ({ ...run, bold: run.bold || row.header })),
                    { size: 24 },
                  ),
                }),
              ],
            });
          }),
        }),
    ),
  });
  // Word cannot break a page before a table itself: an empty paragraph carries the break
  return pageBreakBefore
    ? [new Paragraph({ pageBreakBefore: true, children: [] }), built]
    : [built];
}
