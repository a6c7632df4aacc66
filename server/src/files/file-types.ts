/**
 * The kinds of file the platform accepts, told apart by their first bytes — never by the name or
 * the type the browser claims. A district allows a subset (parameter `attachmentTypes`).
 */
export interface FileType {
  key: string;
  label: string;
  contentType: string;
  /** Shown in the browser (images, PDF) rather than only downloaded. */
  preview: boolean;
}

export const FILE_TYPES: readonly FileType[] = [
  { key: 'pdf', label: 'PDF', contentType: 'application/pdf', preview: true },
  { key: 'jpeg', label: 'JPEG 图片', contentType: 'image/jpeg', preview: true },
  { key: 'png', label: 'PNG 图片', contentType: 'image/png', preview: true },
  { key: 'gif', label: 'GIF 图片', contentType: 'image/gif', preview: true },
  {
    key: 'docx',
    label: 'Word 文档（.docx）',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    preview: false,
  },
  {
    key: 'xlsx',
    label: 'Excel 表格（.xlsx）',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    preview: false,
  },
  {
    key: 'doc',
    label: 'Word 97–2003 文档（.doc）',
    contentType: 'application/msword',
    preview: false,
  },
  {
    key: 'xls',
    label: 'Excel 97–2003 表格（.xls）',
    contentType: 'application/vnd.ms-excel',
    preview: false,
  },
  { key: 'ofd', label: 'OFD 版式文件', contentType: 'application/ofd', preview: false },
];

/** How many leading bytes the sniffer needs (zip-based formats name their parts early on). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The type of a file from its first bytes (up to SNIFF_BYTES), or undefined. The legacy Office
 * formats share one container: the name's extension picks between .doc and .xls there only.
 */
export function sniffFileType(head: Buffer, fileName: string): FileType | undefined {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
  const find = (key: string) => FILE_TYPES.find((type) => type.key === key);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return find('pdf'); // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return find('jpeg');
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return find('png');
  if (starts(0x47, 0x49, 0x46, 0x38)) return find('gif'); // GIF8
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    // a zip: its first entries name the format's parts
    const names = head.toString('latin1');
    if (names.includes('word/')) return find('docx');
    if (names.includes('xl/')) return find('xlsx');
    if (names.includes('OFD.xml')) return find('ofd');
    return undefined;
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    const extension = fileName.toLowerCase().split('.').pop();
    if (extension === 'xls') return find('xls');
    if (extension === 'doc') return find('doc');
  }
  return undefined;
}
