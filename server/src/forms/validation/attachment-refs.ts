import type { CompiledForm, FieldNode } from './form-model';

/** A file a submitted form names, and where in the data. */
export interface AttachmentRefAt {
  path: string;
  id: string;
}

/** Every file id in the form's Attachments fields of `data`, with its data path. */
export function attachmentRefsIn(form: CompiledForm, data: unknown): AttachmentRefAt[] {
  const found: AttachmentRefAt[] = [];
  const visit = (node: FieldNode) => {
    if (node.attachments) collect(data, node.dataPattern, '', found);
    for (const child of node.children) visit(child);
    if (node.items) visit(node.items);
  };
  visit(form.root);
  return found;
}

function collect(value: unknown, pattern: string[], path: string, found: AttachmentRefAt[]): void {
  if (pattern.length === 0) {
    if (!Array.isArray(value)) return;
    value.forEach((row, i) => {
      const id = (row as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && id !== '') found.push({ path: `${path}[${i}]`, id });
    });
    return;
  }
  const [head, ...rest] = pattern;
  if (head === '*') {
    if (Array.isArray(value)) value.forEach((row, i) => collect(row, rest, `${path}[${i}]`, found));
    return;
  }
  if (value !== null && typeof value === 'object')
    collect((value as Record<string, unknown>)[head], rest, path ? `${path}.${head}` : head, found);
}
