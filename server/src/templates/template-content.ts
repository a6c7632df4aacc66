import { createHash } from 'node:crypto';
import { readBpmnOutline } from '../definitions-http/bpmn-outline';
import type { TemplateEntry, TemplateLibrary } from '../workflow';
import { formOutline } from './form-outline';
import type { TemplateContent } from './template-diff';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What a template version of the library holds, reduced for diffs: each process's elements and
 * each form's fields, with a hash of the file. The library is read once per server start, so a
 * version's content is computed once.
 */
export class TemplateContents {
  private readonly cache = new Map<string, Promise<TemplateContent>>();

  constructor(private readonly library: TemplateLibrary) {}

  of(entry: TemplateEntry): Promise<TemplateContent> {
    const id = `${entry.key}:${entry.version}`;
    let content = this.cache.get(id);
    if (!content) {
      content = this.read(entry);
      content.catch(() => this.cache.delete(id));
      this.cache.set(id, content);
    }
    return content;
  }

  private async read(entry: TemplateEntry): Promise<TemplateContent> {
    const processes = await Promise.all(
      entry.processes.map(async (key) => {
        const xml = this.library.processXml(key);
        return { key, hash: sha256(xml), elements: (await readBpmnOutline(xml))?.elements ?? [] };
      }),
    );
    const forms = entry.forms.map((key) => {
      const schema = this.library.formSchema(key);
      return { key, hash: sha256(JSON.stringify(schema)), fields: formOutline(schema) };
    });
    return { processes, forms, documents: [...entry.documents] };
  }
}
