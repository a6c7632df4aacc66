import { readTemplateValue, type TemplateValue } from './expression';
import type { CompiledReaction, FieldNode, StateKey, StateSetter } from './form-model';
import type { PendingReactions } from './schema-node-compiler';
import { isPlainObject, joinSchemaPath, type SchemaProblems } from './schema-problems';

const STATE_KEYS: ReadonlySet<string> = new Set<StateKey>([
  'visible',
  'hidden',
  'display',
  'required',
  'readOnly',
  'readPretty',
  'disabled',
  'editable',
  'pattern',
]);
/** State the browser alone uses: parsed (so no code slips in) and otherwise ignored. */
const UI_STATE_KEYS = new Set([
  'title',
  'description',
  'componentProps',
  'decoratorProps',
  'content',
  'loading',
]);
/** `fulfill.schema` keys and the state each one sets. */
const SCHEMA_STATE: Record<string, StateKey> = {
  'x-visible': 'visible',
  'x-hidden': 'hidden',
  'x-display': 'display',
  required: 'required',
  'x-read-only': 'readOnly',
  readOnly: 'readOnly',
  'x-read-pretty': 'readPretty',
  'x-disabled': 'disabled',
  'x-editable': 'editable',
  'x-pattern': 'pattern',
};
const UI_SCHEMA_KEYS = new Set([
  'title',
  'description',
  'x-component-props',
  'x-decorator-props',
  'x-content',
]);
const REACTION_KEYS = new Set([
  'dependencies',
  'when',
  'fulfill',
  'otherwise',
  'target',
  'effects',
]);

/** Looks nodes up by Formily address (void containers included) and by data path. */
export class NodeIndex {
  private readonly byAddress = new Map<string, FieldNode>();
  private readonly byData = new Map<string, FieldNode>();

  constructor(root: FieldNode) {
    const visit = (node: FieldNode) => {
      this.byAddress.set(node.address.join('.'), node);
      if (node.type !== 'void') this.byData.set(node.dataPattern.join('.'), node);
      node.children.forEach(visit);
      if (node.items) visit(node.items);
    };
    visit(root);
  }

  /**
   * Resolves a reaction path written on `from`. Leading dots are relative to the field's address
   * (one dot: a sibling; each further dot climbs one level), as Formily's FormPath reads them.
   */
  resolve(from: FieldNode, written: string): FieldNode | string {
    if (typeof written !== 'string' || written.trim() === '') return '路径不能为空';
    const path = written.trim();
    if (/[*[\]~]/.test(path)) return `路径 “${path}” 不支持通配符或下标`;
    const dots = /^\.*/.exec(path)![0].length;
    const rest = path.slice(dots).split('.');
    if (rest.some((part) => part === '')) return `路径 “${path}” 不完整`;
    if (dots > from.address.length) return `路径 “${path}” 超出了表单`;
    const segments =
      dots === 0 ? rest : [...from.address.slice(0, from.address.length - dots), ...rest];
    const key = segments.join('.');
    const node = this.byAddress.get(key) ?? this.byData.get(key);
    if (!node) return `路径 “${path}” 没有对应的字段`;
    const lastStar = node.address.lastIndexOf('*');
    if (
      lastStar >= 0 &&
      node.address.slice(0, lastStar + 1).join('.') !==
        from.address.slice(0, lastStar + 1).join('.')
    )
      return `路径 “${path}” 指向另一数组行中的字段`;
    return node;
  }
}

/** Compiles every x-reactions entry of the form, reporting anything outside the supported subset. */
export function compileReactions(
  pending: PendingReactions[],
  index: NodeIndex,
  problems: SchemaProblems,
): void {
  for (const { node, path, value } of pending) {
    const entries = Array.isArray(value) ? value : [value];
    entries.forEach((entry, i) => {
      const at = Array.isArray(value) ? joinSchemaPath(path, i) : path;
      const reaction = compileReaction(node, entry, at, index, problems);
      if (reaction) node.reactions.push(reaction);
    });
  }
}

function compileReaction(
  node: FieldNode,
  entry: unknown,
  at: string,
  index: NodeIndex,
  problems: SchemaProblems,
): CompiledReaction | undefined {
  if (!isPlainObject(entry)) {
    problems.add(at, 'x-reactions 只支持对象形式（不支持函数或 {{ }} 代码）');
    return undefined;
  }
  const before = problems.list.length;
  for (const key of Object.keys(entry))
    if (!REACTION_KEYS.has(key))
      problems.add(joinSchemaPath(at, key), `x-reactions 不支持 “${key}”`);

  let target = node;
  if (entry.target !== undefined) {
    const resolved = index.resolve(node, entry.target as string);
    if (typeof resolved === 'string') problems.add(joinSchemaPath(at, 'target'), resolved);
    else target = resolved;
  }
  const { dependencies, asMap } = compileDependencies(
    node,
    entry.dependencies,
    joinSchemaPath(at, 'dependencies'),
    index,
    problems,
  );
  const when =
    entry.when === undefined
      ? undefined
      : template(entry.when, joinSchemaPath(at, 'when'), problems);
  const fulfill = compileOutcome(entry.fulfill, joinSchemaPath(at, 'fulfill'), problems);
  const otherwise = compileOutcome(entry.otherwise, joinSchemaPath(at, 'otherwise'), problems);
  if (
    entry.effects !== undefined &&
    !(Array.isArray(entry.effects) && entry.effects.every((e) => typeof e === 'string'))
  )
    problems.add(joinSchemaPath(at, 'effects'), 'effects 应为事件名列表');
  if (problems.list.length > before) return undefined;
  return { target, dependencies, dependenciesAsMap: asMap, when, fulfill, otherwise };
}

function compileDependencies(
  node: FieldNode,
  value: unknown,
  at: string,
  index: NodeIndex,
  problems: SchemaProblems,
): { dependencies: CompiledReaction['dependencies']; asMap: boolean } {
  const dependencies: CompiledReaction['dependencies'] = [];
  const add = (alias: string | number, written: unknown, entryAt: string) => {
    const resolved = index.resolve(node, written as string);
    if (typeof resolved === 'string') problems.add(entryAt, resolved);
    else if (resolved.type === 'void') problems.add(entryAt, '依赖不能是 void 容器（它没有值）');
    else dependencies.push({ alias, node: resolved });
  };
  if (value === undefined) return { dependencies, asMap: false };
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const entryAt = joinSchemaPath(at, i);
      if (typeof item === 'string') add(i, item, entryAt);
      else if (isPlainObject(item) && typeof item.source === 'string') {
        if (item.property !== undefined && item.property !== 'value')
          problems.add(
            joinSchemaPath(entryAt, 'property'),
            '依赖只能读取字段的值（property: value）',
          );
        add(typeof item.name === 'string' ? item.name : i, item.source, entryAt);
      } else problems.add(entryAt, '依赖应为字段路径');
    });
    return {
      dependencies,
      asMap: value.some((item) => isPlainObject(item) && typeof item.name === 'string'),
    };
  }
  if (isPlainObject(value)) {
    for (const [alias, written] of Object.entries(value))
      add(alias, written, joinSchemaPath(at, alias));
    return { dependencies, asMap: true };
  }
  problems.add(at, 'dependencies 应为路径列表或 { 别名: 路径 } 对象');
  return { dependencies, asMap: false };
}

function compileOutcome(value: unknown, at: string, problems: SchemaProblems): StateSetter[] {
  if (value === undefined) return [];
  if (!isPlainObject(value)) {
    problems.add(at, '应为 { state } 或 { schema } 对象');
    return [];
  }
  const setters: StateSetter[] = [];
  for (const [key, part] of Object.entries(value)) {
    const partAt = joinSchemaPath(at, key);
    if (key === 'run') problems.add(partAt, '不支持 run（服务器不执行脚本），请改用 state');
    else if (key === 'state' || key === 'schema') {
      if (!isPlainObject(part)) {
        problems.add(partAt, `${key} 应为对象`);
        continue;
      }
      for (const [name, raw] of Object.entries(part)) {
        const nameAt = joinSchemaPath(partAt, name);
        const stateKey =
          key === 'state'
            ? STATE_KEYS.has(name)
              ? (name as StateKey)
              : undefined
            : SCHEMA_STATE[name];
        const uiOnly = key === 'state' ? UI_STATE_KEYS.has(name) : UI_SCHEMA_KEYS.has(name);
        const compiled = template(raw, nameAt, problems, uiOnly);
        if (stateKey && compiled) {
          if (compiled.kind === 'literal') checkLiteral(stateKey, compiled.value, nameAt, problems);
          setters.push({ key: stateKey, value: compiled });
        } else if (!stateKey && !uiOnly)
          problems.add(nameAt, `联动不支持设置 “${name}”（服务器无法据此校验）`);
      }
    } else problems.add(partAt, `不支持 “${key}”`);
  }
  return setters;
}

/** A value or a `{{ }}` expression; in UI-only props expressions are checked deep inside objects. */
function template(
  raw: unknown,
  at: string,
  problems: SchemaProblems,
  deep = false,
): TemplateValue | undefined {
  try {
    if (deep && typeof raw === 'object' && raw !== null) {
      for (const [key, value] of Object.entries(raw))
        template(value, joinSchemaPath(at, key), problems, true);
      return { kind: 'literal', value: raw };
    }
    return readTemplateValue(raw);
  } catch (error) {
    problems.add(at, `表达式超出允许范围：${(error as Error).message}`);
    return undefined;
  }
}

function checkLiteral(key: StateKey, value: unknown, at: string, problems: SchemaProblems): void {
  if (key === 'display' && !['visible', 'hidden', 'none'].includes(String(value)))
    problems.add(at, "display 应为 'visible'、'hidden' 或 'none'");
  else if (
    key === 'pattern' &&
    !['editable', 'readOnly', 'readPretty', 'disabled'].includes(String(value))
  )
    problems.add(at, "pattern 应为 'editable'、'readOnly'、'readPretty' 或 'disabled'");
  else if (key !== 'display' && key !== 'pattern' && typeof value !== 'boolean')
    problems.add(at, `${key} 应为 true、false 或表达式`);
}
