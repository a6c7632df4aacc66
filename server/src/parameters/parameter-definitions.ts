import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../common/repo-paths';

/** How a parameter's value is written and checked. */
export type ParameterKind =
  | 'duration' // ISO 8601 duration or P<n>WD (working days)
  | 'durations'
  | 'integer'
  | 'boolean'
  | 'time'
  | 'choice'
  | 'choices'
  | 'text'
  | 'codeList' // reply codes: [{ code, label, explanationRequired, planRequired }]
  | 'itemList'; // vote items / dimensions: [{ key, label }]

export interface ParameterDefinition {
  key: string;
  group: string;
  label: string;
  kind: ParameterKind;
  default: unknown;
  description: string;
  basis?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}

export interface ParameterProblem {
  key: string;
  message: string;
}

const KINDS: ReadonlySet<string> = new Set([
  'duration',
  'durations',
  'integer',
  'boolean',
  'time',
  'choice',
  'choices',
  'text',
  'codeList',
  'itemList',
]);
const DURATION =
  /^(?:P\d+WD|P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?)$/;
const CODE = /^[A-Za-z0-9]{1,8}$/;
const ITEM_KEY = /^[A-Za-z][\w-]{0,39}$/;

/** The parameter list of the template library, `processes/parameters.json`. */
export function loadParameterDefinitions(
  file = join(repoRoot(), 'processes', 'parameters.json'),
): ParameterDefinition[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { parameters?: unknown };
  if (!Array.isArray(parsed.parameters))
    throw new Error(`${file}: expected { "parameters": [...] }`);
  const definitions = parsed.parameters as ParameterDefinition[];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const definition of definitions) {
    if (seen.has(definition.key)) problems.push(`${definition.key}: defined twice`);
    seen.add(definition.key);
    if (!KINDS.has(definition.kind))
      problems.push(`${definition.key}: unknown kind '${definition.kind}'`);
    else
      for (const problem of checkValue(definition, definition.default))
        problems.push(`${definition.key}: default ${problem}`);
  }
  if (problems.length > 0) throw new Error(`${file} is invalid:\n${problems.join('\n')}`);
  return definitions;
}

/** The problems of one value (zh-CN), empty when it is fine. */
export function checkValue(definition: ParameterDefinition, value: unknown): string[] {
  const isDuration = (v: unknown) => typeof v === 'string' && DURATION.test(v);
  switch (definition.kind) {
    case 'duration':
      return isDuration(value) ? [] : ['应为 ISO 8601 期限（如 P3M、P15D）或工作日（如 P7WD）'];
    case 'durations':
      return Array.isArray(value) && value.every(isDuration)
        ? []
        : ['应为期限列表（如 ["P15D", "P3D"]）'];
    case 'integer': {
      if (!Number.isInteger(value)) return ['应为整数'];
      const n = value as number;
      if (definition.min !== undefined && n < definition.min) return [`不能小于 ${definition.min}`];
      if (definition.max !== undefined && n > definition.max) return [`不能大于 ${definition.max}`];
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : ['应为 true 或 false'];
    case 'time':
      return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
        ? []
        : ['应为 24 小时制时间 HH:mm，如 08:30'];
    case 'text':
      return typeof value === 'string' && value.trim() !== '' && value.length <= 200
        ? []
        : ['应为不超过 200 字的非空文本'];
    case 'choice':
      return definition.options?.some((o) => o.value === value)
        ? []
        : [`应为 ${optionList(definition)} 之一`];
    case 'choices':
      return Array.isArray(value) &&
        value.every((v) => definition.options?.some((o) => o.value === v))
        ? []
        : [`应为 ${optionList(definition)} 中的若干项`];
    case 'codeList':
      return checkCodeList(value);
    case 'itemList':
      return checkItemList(value);
  }
}

function optionList(definition: ParameterDefinition): string {
  return (definition.options ?? []).map((o) => o.value).join('、');
}

function checkCodeList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) return ['应为非空的类别列表'];
  const problems: string[] = [];
  value.forEach((entry: Record<string, unknown>, i) => {
    if (typeof entry !== 'object' || entry === null) return problems.push(`第 ${i + 1} 项应为对象`);
    if (typeof entry.code !== 'string' || !CODE.test(entry.code))
      problems.push(`第 ${i + 1} 项的 code 应为 1–8 位字母或数字`);
    if (typeof entry.label !== 'string' || entry.label.trim() === '')
      problems.push(`第 ${i + 1} 项缺少 label`);
    if (typeof entry.explanationRequired !== 'boolean')
      problems.push(`第 ${i + 1} 项的 explanationRequired 应为 true 或 false`);
    if (entry.planRequired !== undefined && typeof entry.planRequired !== 'boolean')
      problems.push(`第 ${i + 1} 项的 planRequired 应为 true 或 false`);
    const unknown = Object.keys(entry).filter(
      (k) => !['code', 'label', 'explanationRequired', 'planRequired'].includes(k),
    );
    if (unknown.length > 0) problems.push(`第 ${i + 1} 项有未知字段：${unknown.join('、')}`);
  });
  const codes = value.map((entry: { code?: unknown }) => entry?.code);
  if (new Set(codes).size !== codes.length) problems.push('类别代码不能重复');
  return problems;
}

function checkItemList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) return ['应为非空的事项列表'];
  const problems: string[] = [];
  value.forEach((entry: Record<string, unknown>, i) => {
    if (typeof entry !== 'object' || entry === null) return problems.push(`第 ${i + 1} 项应为对象`);
    if (typeof entry.key !== 'string' || !ITEM_KEY.test(entry.key))
      problems.push(`第 ${i + 1} 项的 key 应以字母开头，只含字母、数字、下划线或连字符`);
    if (typeof entry.label !== 'string' || entry.label.trim() === '')
      problems.push(`第 ${i + 1} 项缺少 label`);
  });
  const keys = value.map((entry: { key?: unknown }) => entry?.key);
  if (new Set(keys).size !== keys.length) problems.push('事项 key 不能重复');
  return problems;
}
