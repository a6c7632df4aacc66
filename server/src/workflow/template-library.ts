import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from '../common/repo-paths';
import { WorkflowKitError } from './workflow-kit.error';

/** One template of `processes/templates.json`. */
export interface TemplateEntry {
  key: string;
  name: string;
  version: number;
  description: string;
  /** Templates whose processes this one calls; installed first. */
  dependsOn: string[];
  /** Process keys: `processes/<key>.bpmn`, whose executable process id is the key. */
  processes: string[];
  /** Form keys: `forms/**\/<key>.json`. */
  forms: string[];
  /** Document template keys: `processes/documents/<key>.hbs`. */
  documents: string[];
}

/** As `GET /templates` lists them. */
export interface TemplateSummary {
  key: string;
  name: string;
  version: number;
  description: string;
  dependsOn: string[];
  processKeys: string[];
  formKeys: string[];
  documentKeys: string[];
}

const KEY = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * The repository's template library: the manifest and the files it names, read once and checked
 * as a whole (every problem listed), so a broken library stops start-up instead of a district's
 * installation halfway.
 */
export class TemplateLibrary {
  readonly entries: ReadonlyMap<string, TemplateEntry>;
  private readonly formFiles: Map<string, string>;

  constructor(readonly root = repoRoot()) {
    const manifestFile = join(root, 'processes', 'templates.json');
    const problems: string[] = [];
    this.formFiles = indexFormFiles(join(root, 'forms'), problems);
    const raw = JSON.parse(readFileSync(manifestFile, 'utf8')) as { templates?: unknown };
    const entries = new Map<string, TemplateEntry>();
    if (!Array.isArray(raw.templates))
      problems.push('templates.json: expected { "templates": [...] }');
    for (const [i, item] of (Array.isArray(raw.templates) ? raw.templates : []).entries()) {
      const entry = readEntry(item, `templates[${i}]`, problems);
      if (!entry) continue;
      if (entries.has(entry.key)) problems.push(`template '${entry.key}' is listed twice`);
      entries.set(entry.key, entry);
    }
    for (const entry of entries.values()) {
      for (const key of entry.processes)
        if (!existsSync(this.processFile(key)))
          problems.push(`${entry.key}: processes/${key}.bpmn does not exist`);
      for (const key of entry.forms)
        if (!this.formFiles.has(key)) problems.push(`${entry.key}: no forms/**/${key}.json`);
      for (const key of entry.documents)
        if (!existsSync(join(root, 'processes', 'documents', `${key}.hbs`)))
          problems.push(`${entry.key}: processes/documents/${key}.hbs does not exist`);
      for (const dependency of entry.dependsOn)
        if (!entries.has(dependency))
          problems.push(`${entry.key}: depends on unknown template '${dependency}'`);
    }
    this.entries = entries;
    if (problems.length === 0) {
      try {
        this.installOrder([...entries.keys()]);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    if (problems.length > 0)
      throw new WorkflowKitError(
        'TEMPLATE_INVALID',
        `模板库有 ${problems.length} 处问题：\n${problems.join('\n')}`,
        problems,
      );
  }

  list(): TemplateSummary[] {
    return [...this.entries.values()].map((e) => ({
      key: e.key,
      name: e.name,
      version: e.version,
      description: e.description,
      dependsOn: e.dependsOn,
      processKeys: e.processes,
      formKeys: e.forms,
      documentKeys: e.documents,
    }));
  }

  get(key: string): TemplateEntry {
    const entry = this.entries.get(key);
    if (!entry) throw new WorkflowKitError('NOT_FOUND', `模板 “${key}” 不存在`);
    return entry;
  }

  /** The templates to install for these keys, dependencies first, each once. */
  installOrder(keys: string[]): TemplateEntry[] {
    const order: TemplateEntry[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (key: string, path: string[]) => {
      if (state.get(key) === 'done') return;
      if (state.get(key) === 'visiting')
        throw new WorkflowKitError(
          'TEMPLATE_INVALID',
          `模板依赖成环：${[...path, key].join(' → ')}`,
        );
      state.set(key, 'visiting');
      const entry = this.get(key);
      for (const dependency of entry.dependsOn) visit(dependency, [...path, key]);
      state.set(key, 'done');
      order.push(entry);
    };
    keys.forEach((key) => visit(key, []));
    return order;
  }

  processXml(key: string): string {
    return readFileSync(this.processFile(key), 'utf8');
  }

  formSchema(key: string): unknown {
    const file = this.formFiles.get(key);
    if (!file) throw new WorkflowKitError('NOT_FOUND', `模板库中没有表单 “${key}”`);
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  }

  /** Every form file of the library by key (for checks that every form compiles). */
  formKeys(): string[] {
    return [...this.formFiles.keys()];
  }

  private processFile(key: string): string {
    return join(this.root, 'processes', `${key}.bpmn`);
  }
}

function readEntry(item: unknown, at: string, problems: string[]): TemplateEntry | undefined {
  if (typeof item !== 'object' || item === null) {
    problems.push(`${at}: expected an object`);
    return undefined;
  }
  const e = item as Record<string, unknown>;
  const keys = (name: string, required: boolean): string[] => {
    const value = e[name];
    if (value === undefined && !required) return [];
    if (!Array.isArray(value) || value.some((k) => typeof k !== 'string' || !KEY.test(k))) {
      problems.push(`${at}.${name}: expected a list of keys (lower-case letters, digits, '-')`);
      return [];
    }
    return value as string[];
  };
  if (typeof e.key !== 'string' || !KEY.test(e.key))
    problems.push(`${at}.key: expected a key such as 'suggestion-handling'`);
  if (typeof e.name !== 'string' || e.name.trim() === '')
    problems.push(`${at}.name: expected the template's Chinese name`);
  if (!Number.isInteger(e.version) || (e.version as number) < 1)
    problems.push(`${at}.version: expected an integer ≥ 1`);
  const entry: TemplateEntry = {
    key: String(e.key),
    name: String(e.name ?? ''),
    version: Number(e.version),
    description: typeof e.description === 'string' ? e.description : '',
    dependsOn: keys('dependsOn', false),
    processes: keys('processes', true),
    forms: keys('forms', true),
    documents: keys('documents', false),
  };
  return typeof e.key === 'string' ? entry : undefined;
}

/** forms/**\/<key>.json by key; a key defined twice is a problem (BPMN names forms by key alone). */
function indexFormFiles(folder: string, problems: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        const key = basename(name, '.json');
        if (files.has(key))
          problems.push(`form key '${key}' is defined twice: ${files.get(key)} and ${path}`);
        else files.set(key, path);
      }
    }
  };
  walk(folder);
  return files;
}
