import { type CompiledForm, dataChildren, type FormMeta, type SchemaProblem } from './form-model';
import { compileReactions, NodeIndex } from './reaction-compiler';
import { compileNode, isStorableName, type NodeCompilation } from './schema-node-compiler';
import { isPlainObject, SchemaProblems } from './schema-problems';

/** Variables a form may never write: the platform owns them. */
export const RESERVED_VARIABLES: ReadonlySet<string> = new Set(['params']);

export type FormCompilation =
  { ok: true; form: CompiledForm } | { ok: false; problems: SchemaProblem[] };

/**
 * Checks a Formily schema at publish time and compiles it for validation. Every problem is
 * reported at once, with its path in the schema; a schema with any problem is not published.
 */
export function compileFormSchema(schema: unknown): FormCompilation {
  const problems = new SchemaProblems();
  if (!isPlainObject(schema) || schema.type !== 'object') {
    problems.add('type', "表单根节点应为 type: 'object' 的对象");
    return { ok: false, problems: problems.list };
  }
  const ctx: NodeCompilation = { problems, reactions: [] };
  const root = compileNode(schema, { name: '', path: '', dataPattern: [], address: [] }, ctx);
  const meta = readMeta(schema['x-cf'], problems);
  if (meta) applyMeta(meta, root, problems);
  compileReactions(ctx.reactions, new NodeIndex(root), problems);
  if (problems.list.length > 0 || !meta) return { ok: false, problems: problems.list };
  return { ok: true, form: { root, meta } };
}

function readMeta(value: unknown, problems: SchemaProblems): FormMeta | undefined {
  if (!isPlainObject(value)) {
    problems.add('x-cf', '缺少 x-cf：{ title, reads, writes }');
    return undefined;
  }
  for (const key of Object.keys(value))
    if (!['title', 'reads', 'writes', 'anonymous'].includes(key))
      problems.add(`x-cf.${key}`, `x-cf 不支持 “${key}”`);
  const title = typeof value.title === 'string' ? value.title.trim() : '';
  if (!title) problems.add('x-cf.title', 'x-cf.title 应为非空文本');
  const names = (key: 'reads' | 'writes'): string[] => {
    const list = value[key] ?? [];
    if (
      !Array.isArray(list) ||
      list.some((name) => typeof name !== 'string' || !isStorableName(name))
    ) {
      problems.add(`x-cf.${key}`, `x-cf.${key} 应为变量名列表`);
      return [];
    }
    const duplicates = list.filter((name, i) => list.indexOf(name) !== i);
    if (duplicates.length > 0)
      problems.add(`x-cf.${key}`, `x-cf.${key} 中有重复：${duplicates.join('、')}`);
    return list as string[];
  };
  const reads = names('reads');
  const writes = names('writes');
  if (value.anonymous !== undefined && typeof value.anonymous !== 'boolean')
    problems.add('x-cf.anonymous', 'x-cf.anonymous 应为 true 或 false');
  for (const name of writes) {
    if (reads.includes(name))
      problems.add('x-cf.writes', `“${name}” 不能同时在 reads 和 writes 中`);
    if (RESERVED_VARIABLES.has(name))
      problems.add('x-cf.writes', `“${name}” 由平台维护，表单不能写入`);
  }
  return { title, reads, writes, anonymous: value.anonymous === true };
}

/** Top-level fields are either read-only views of `reads` or the variables the form `writes`. */
function applyMeta(
  meta: FormMeta,
  root: ReturnType<typeof compileNode>,
  problems: SchemaProblems,
): void {
  const fields = dataChildren(root);
  for (const field of fields) {
    if (meta.reads.includes(field.name)) field.state.readOnly = true;
    else if (!meta.writes.includes(field.name))
      problems.add(
        field.schemaPath,
        `字段 “${field.name}” 既不在 x-cf.reads 也不在 x-cf.writes 中`,
      );
  }
  for (const name of meta.writes)
    if (!fields.some((field) => field.name === name))
      problems.add('x-cf.writes', `x-cf.writes 中的 “${name}” 不是表单的顶层字段`);
}
