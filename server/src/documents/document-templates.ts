import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { repoRoot } from '../common/repo-paths';
import { WorkflowKitError } from '../workflow/workflow-kit.error';
import { registerDocumentHelpers } from './document-helpers';

/** What every document template is rendered with. */
export interface DocumentContext {
  title: string;
  /** 文号, e.g. ××人大常委会交〔2026〕12号 */
  number?: string;
  /** 发文机关 */
  organ: string;
  /** Render time, ISO 8601; print with {{cnDate date}}. */
  date: string;
  /** 主送机关: one name or several. */
  recipients?: string | string[];
  vars: Record<string, unknown>;
  params: Record<string, unknown>;
  /** Display names of the users and units whose ids appear in vars: `{{or (lookup names id) id}}`. */
  names?: Record<string, string>;
  instance: { id: string; processKey: string; businessKey?: string };
}

// {{{x}}} and {{&x}} print without escaping; no template may use them (user data goes everywhere).
const UNESCAPED = /\{\{~?\s*[{&]/;

/**
 * The document templates of the library: `processes/documents/<key>.hbs`, with the shared
 * layout and partials of `processes/documents/partials/`. Each library gets its own handlebars
 * environment, so helpers and partials never leak between them.
 */
export class DocumentTemplates {
  private readonly hbs = Handlebars.create();
  private readonly templates = new Map<string, Handlebars.TemplateDelegate<DocumentContext>>();

  constructor(readonly folder = join(repoRoot(), 'processes', 'documents')) {
    registerDocumentHelpers(this.hbs);
    const partials = join(folder, 'partials');
    if (existsSync(partials))
      for (const file of readdirSync(partials)
        .filter((f) => f.endsWith('.hbs'))
        .sort())
        this.hbs.registerPartial(basename(file, '.hbs'), this.read(join(partials, file)));
    if (existsSync(folder))
      for (const file of readdirSync(folder)
        .filter((f) => f.endsWith('.hbs'))
        .sort())
        this.templates.set(
          basename(file, '.hbs'),
          this.hbs.compile<DocumentContext>(this.read(join(folder, file)), { strict: false }),
        );
  }

  keys(): string[] {
    return [...this.templates.keys()];
  }

  has(key: string): boolean {
    return this.templates.has(key);
  }

  /** Print-ready A4 HTML. Handlebars refuses prototype properties by default, and nothing here allows them. */
  render(key: string, context: DocumentContext): string {
    const template = this.templates.get(key);
    if (!template) throw new WorkflowKitError('NOT_FOUND', `公文模板 “${key}” 不存在`);
    return template(context);
  }

  private read(file: string): string {
    const source = readFileSync(file, 'utf8');
    const match = UNESCAPED.exec(source);
    if (match) {
      const line = source.slice(0, match.index).split('\n').length;
      throw new WorkflowKitError(
        'DOCUMENT_TEMPLATE_INVALID',
        `${file}:${line}: 模板不能使用不转义输出（{{{ }}} 或 {{& }}），所有内容都必须转义`,
      );
    }
    return source;
  }
}
