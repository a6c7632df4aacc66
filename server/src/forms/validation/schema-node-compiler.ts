import { readTemplateValue } from './expression';
import { compileChecks } from './check-compiler';
import type { Display, FieldNode, FieldType } from './form-model';
import { isPlainObject, joinSchemaPath, type SchemaProblems } from './schema-problems';

const FIELD_TYPES: ReadonlySet<string> = new Set([
  'object',
  'array',
  'string',
  'number',
  'integer',
  'boolean',
  'void',
  'date',
  'datetime',
]);

/** Keywords that change what the server accepts; each is read below. */
const DATA_KEYWORDS = new Set([
  'type',
  'properties',
  'items',
  'required',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'uniqueItems',
  'additionalProperties',
  'readOnly',
  'x-validator',
  'x-visible',
  'x-hidden',
  'x-display',
  'x-read-only',
  'x-read-pretty',
  'x-disabled',
  'x-editable',
  'x-pattern',
  'x-reactions',
  'x-cf',
]);
/** Keywords only the browser uses; other `x-` keys are UI extensions and ignored too. */
const UI_KEYWORDS = new Set([
  'title',
  'description',
  'default',
  'name',
  'examples',
  '$comment',
  'writeOnly',
]);

/** A field and the reactions written on it, compiled once the whole tree is known. */
export interface PendingReactions {
  node: FieldNode;
  path: string;
  value: unknown;
}

export interface NodeCompilation {
  problems: SchemaProblems;
  reactions: PendingReactions[];
}

/** Builds the field tree of a schema: types, checks, static state; reactions are collected for later. */
export function compileNode(
  schema: unknown,
  placement: { name: string; path: string; dataPattern: string[]; address: string[] },
  ctx: NodeCompilation,
): FieldNode {
  const { name, path } = placement;
  const node: FieldNode = {
    name,
    schemaPath: path,
    dataPattern: placement.dataPattern,
    address: placement.address,
    state: { display: 'visible', required: false, readOnly: false },
    checks: [],
    children: [],
    closed: false,
    reactions: [],
  };
  if (!isPlainObject(schema)) {
    ctx.problems.add(path, '字段定义应为对象');
    return node;
  }
  for (const key of Object.keys(schema)) {
    if (!DATA_KEYWORDS.has(key) && !UI_KEYWORDS.has(key) && !key.startsWith('x-'))
      ctx.problems.add(joinSchemaPath(path, key), `不支持的关键字 “${key}”`);
  }
  checkUiExpressions(schema, path, ctx.problems);

  node.type = readType(schema, path, ctx.problems);
  if (typeof schema.title === 'string') node.title = schema.title;
  const checks = compileChecks(schema, node.type, path, ctx.problems);
  node.checks = checks.checks;
  node.state = {
    display: staticDisplay(schema, path, ctx.problems),
    required: checks.required,
    readOnly: staticReadOnly(schema, path, ctx.problems),
  };
  if (checks.requiredMessage) node.requiredMessage = checks.requiredMessage;

  if (schema.properties !== undefined) compileProperties(node, schema, ctx);
  if (schema['x-component'] === ATTACHMENTS_COMPONENT) {
    // whatever rows the schema declares, an attachment row is what the upload gives
    node.attachments = true;
    if (node.type !== 'array') ctx.problems.add(path, '附件字段的类型应为 array');
    else compileItems(node, { ...schema, items: ATTACHMENT_ROW }, ctx);
  } else if (schema.items !== undefined) compileItems(node, schema, ctx);
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false)
    ctx.problems.add(
      joinSchemaPath(path, 'additionalProperties'),
      '只支持 additionalProperties: false',
    );
  if (node.type === 'array' && schema.items === undefined) node.items = undefined;
  if (schema['x-reactions'] !== undefined)
    ctx.reactions.push({
      node,
      path: joinSchemaPath(path, 'x-reactions'),
      value: schema['x-reactions'],
    });
  return node;
}

export const ATTACHMENTS_COMPONENT = 'Attachments';

/** One row of an Attachments field: the file's id, name, size and type (`url` for old rows). */
const ATTACHMENT_ROW = {
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    name: { type: 'string', maxLength: 200 },
    size: { type: 'number', minimum: 0 },
    contentType: { type: 'string', maxLength: 200 },
    url: { type: 'string', maxLength: 1000 },
  },
};

function compileProperties(
  node: FieldNode,
  schema: Record<string, unknown>,
  ctx: NodeCompilation,
): void {
  const path = joinSchemaPath(node.schemaPath, 'properties');
  // Formily puts an array's buttons (ArrayTable.Addition, ...) under its properties: void only.
  const isArray = node.type === 'array';
  if (node.type !== undefined && node.type !== 'object' && node.type !== 'void' && !isArray) {
    ctx.problems.add(path, `类型为 ${node.type} 的字段不能有 properties`);
    return;
  }
  if (!isPlainObject(schema.properties)) {
    ctx.problems.add(path, 'properties 应为对象');
    return;
  }
  node.closed = node.type !== 'void' && !isArray;
  for (const [name, child] of Object.entries(schema.properties)) {
    const childPath = joinSchemaPath(path, name);
    if (!isStorableName(name))
      ctx.problems.add(childPath, '字段名不能为空，不能以 $ 开头，也不能包含 “.”、“*” 或 “[”');
    const isVoid = isPlainObject(child) && child.type === 'void';
    if (isArray && !isVoid) {
      ctx.problems.add(
        childPath,
        '数组的 properties 只能放 void 的按钮或容器（如 ArrayTable.Addition）',
      );
      continue;
    }
    node.children.push(
      compileNode(
        child,
        {
          name,
          path: childPath,
          // a void container groups fields on screen; its fields stay at the parent's data level
          dataPattern: isVoid ? node.dataPattern : [...node.dataPattern, name],
          address: [...node.address, name],
        },
        ctx,
      ),
    );
  }
  const required = schema.required;
  if (Array.isArray(required)) {
    for (const [i, entry] of required.entries()) {
      const child = node.children.find((c) => c.name === entry && c.type !== 'void');
      if (child) child.state.required = true;
      else
        ctx.problems.add(
          joinSchemaPath(node.schemaPath, 'required', i),
          `required 中的 “${String(entry)}” 不是本对象的字段`,
        );
    }
  } else if (required !== undefined && typeof required !== 'boolean') {
    ctx.problems.add(
      joinSchemaPath(node.schemaPath, 'required'),
      'required 应为 true/false 或字段名列表',
    );
  }
}

function compileItems(
  node: FieldNode,
  schema: Record<string, unknown>,
  ctx: NodeCompilation,
): void {
  const path = joinSchemaPath(node.schemaPath, 'items');
  if (node.type !== 'array') {
    ctx.problems.add(path, '只有 array 类型的字段可以有 items');
    return;
  }
  if (Array.isArray(schema.items)) {
    ctx.problems.add(path, 'items 应为单个字段定义（不支持元组）');
    return;
  }
  node.items = compileNode(
    schema.items,
    {
      name: '*',
      path,
      dataPattern: [...node.dataPattern, '*'],
      address: [...node.address, '*'],
    },
    ctx,
  );
  if (node.items.type === 'void') ctx.problems.add(path, '数组的 items 不能是 void');
}

function readType(
  schema: Record<string, unknown>,
  path: string,
  problems: SchemaProblems,
): FieldType | undefined {
  if (schema.type === undefined) return schema.properties !== undefined ? 'object' : undefined;
  if (typeof schema.type === 'string' && FIELD_TYPES.has(schema.type))
    return schema.type as FieldType;
  problems.add(joinSchemaPath(path, 'type'), `不支持的类型 ${JSON.stringify(schema.type)}`);
  return undefined;
}

function literalFlag(
  schema: Record<string, unknown>,
  key: string,
  path: string,
  problems: SchemaProblems,
): boolean | undefined {
  const value = schema[key];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  problems.add(
    joinSchemaPath(path, key),
    typeof value === 'string' && value.includes('{{')
      ? `${key} 不能写表达式，请改用 x-reactions`
      : `${key} 应为 true 或 false`,
  );
  return undefined;
}

function staticDisplay(
  schema: Record<string, unknown>,
  path: string,
  problems: SchemaProblems,
): Display {
  let display: Display = 'visible';
  const shown = literalFlag(schema, 'x-visible', path, problems);
  const hidden = literalFlag(schema, 'x-hidden', path, problems);
  const explicit = schema['x-display'];
  if (explicit !== undefined) {
    if (explicit === 'visible' || explicit === 'hidden' || explicit === 'none') display = explicit;
    else
      problems.add(
        joinSchemaPath(path, 'x-display'),
        "x-display 应为 'visible'、'hidden' 或 'none'",
      );
  }
  if (hidden === true) display = 'hidden';
  if (shown === false) display = 'none';
  return display;
}

function staticReadOnly(
  schema: Record<string, unknown>,
  path: string,
  problems: SchemaProblems,
): boolean {
  const flags = ['readOnly', 'x-read-only', 'x-read-pretty', 'x-disabled'].map((key) =>
    literalFlag(schema, key, path, problems),
  );
  const editable = literalFlag(schema, 'x-editable', path, problems);
  const pattern = schema['x-pattern'];
  if (
    pattern !== undefined &&
    !['editable', 'readOnly', 'readPretty', 'disabled'].includes(String(pattern))
  )
    problems.add(
      joinSchemaPath(path, 'x-pattern'),
      "x-pattern 应为 'editable'、'readOnly'、'readPretty' 或 'disabled'",
    );
  return (
    flags.some((flag) => flag === true) ||
    editable === false ||
    (pattern !== undefined && pattern !== 'editable')
  );
}

/** Data keys must be storable (no '$' prefix, no '.') and addressable (no '*' or '['). */
export function isStorableName(name: string): boolean {
  return name !== '' && !name.startsWith('$') && !/[.*[\]]/.test(name);
}

/**
 * Expressions anywhere in the UI keys run in the browser with `new Function`; they must stay
 * inside the same restricted language as reactions, so a schema never carries arbitrary code.
 */
function checkUiExpressions(
  schema: Record<string, unknown>,
  path: string,
  problems: SchemaProblems,
): void {
  const visit = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      if (!value.includes('{{')) return;
      try {
        readTemplateValue(value);
      } catch (error) {
        problems.add(at, `表达式超出允许范围：${(error as Error).message}`);
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, joinSchemaPath(at, i)));
    else if (isPlainObject(value))
      for (const [key, child] of Object.entries(value)) visit(child, joinSchemaPath(at, key));
  };
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'items' || key === 'x-reactions') continue;
    visit(value, joinSchemaPath(path, key));
  }
}
