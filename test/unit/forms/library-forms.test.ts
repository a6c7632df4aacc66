import { compileFormSchema } from '../../../server/src/forms';
import { TemplateLibrary } from '../../../server/src/workflow/template-library';

/**
 * The template library as shipped: the manifest names files that exist, and every form in
 * forms/ would be accepted at publish (so installing a template never fails halfway).
 */
describe('the template library', () => {
  const library = new TemplateLibrary();

  it('has a consistent manifest (files exist, dependencies known, no cycles)', () => {
    expect(library.list().map((t) => t.key)).toContain('satisfaction-vote');
    expect(library.installOrder([...library.entries.keys()]).length).toBe(library.entries.size);
  });

  it.each(library.formKeys())('form %s passes the publish checks', (key) => {
    const result = compileFormSchema(library.formSchema(key));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('every form listed in the manifest belongs to exactly one template', () => {
    const listed = [...library.entries.values()].flatMap((t) => t.forms);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
