import {
  accepts,
  createField,
  insertField,
  keyProblem,
  keyProblems,
  moveField,
  removeField,
  uniqueKey,
  updateField,
} from '../../../designer/src/modules/form-designer/model/builder-operations';
import {
  emptyForm,
  type FormModel,
} from '../../../designer/src/modules/form-designer/model/form-model';

function ids() {
  let n = 0;
  return () => `f${(n += 1)}`;
}

/** given a form with a text field, a select and a table with one column */
function sampleForm(): FormModel {
  const newId = ids();
  let model = emptyForm('t');
  const add = (kind: Parameters<typeof createField>[1], container = 'root') => {
    const field = createField(
      model,
      kind,
      container,
      { label: kind, options: ['一', '二'] },
      newId,
    );
    model = insertField(model, field, { container, index: 99 });
    return field.id;
  };
  add('text');
  add('select');
  const table = add('table');
  add('number', table);
  return model;
}

describe('builder operations', () => {
  it('creates fields with unique keys and default options', () => {
    const model = sampleForm();
    expect(model.fields.map((f) => f.key)).toEqual(['text', 'select', 'table']);
    expect(model.fields[1].options).toEqual([
      { label: '一', value: 'option1' },
      { label: '二', value: 'option2' },
    ]);
    expect(model.fields[2].columns.map((c) => c.key)).toEqual(['number']);
    expect(uniqueKey(model, 'root', 'text')).toBe('text2');
    expect(uniqueKey(model, 'f3', 'text')).toBe('text');
    expect(uniqueKey(model, 'root', 'params')).toBe('params2');
  });

  it('reorders within the form and moves fields into and out of a table', () => {
    let model = sampleForm();
    model = moveField(model, 'f2', { container: 'root', index: 0 });
    expect(model.fields.map((f) => f.id)).toEqual(['f2', 'f1', 'f3']);
    model = moveField(model, 'f1', { container: 'f3', index: 0 });
    expect(model.fields.map((f) => f.id)).toEqual(['f2', 'f3']);
    expect(model.fields[1].columns.map((c) => c.id)).toEqual(['f1', 'f4']);
    model = moveField(model, 'f4', { container: 'root', index: 1 });
    expect(model.fields.map((f) => f.id)).toEqual(['f2', 'f4', 'f3']);
  });

  it('refuses tables inside tables and moving a table into itself', () => {
    const model = sampleForm();
    expect(accepts(model, 'f3', 'table')).toBe(false);
    expect(accepts(model, 'f3', 'display')).toBe(false);
    expect(moveField(model, 'f3', { container: 'f3', index: 0 })).toBe(model);
    const nested = createField(model, 'table', 'f3', { label: 'x' }, () => 'n1');
    expect(insertField(model, nested, { container: 'f3', index: 0 })).toBe(model);
  });

  it('renames a key and the rules that depend on it; removing drops them', () => {
    let model = sampleForm();
    model = updateField(model, 'f1', {
      visibility: { field: 'select', operator: 'equals', values: ['option1'] },
    });
    model = updateField(model, 'f2', { key: 'category' });
    expect(model.fields[0].visibility?.field).toBe('category');
    model = removeField(model, 'f2');
    expect(model.fields[0].visibility).toBeNull();
  });

  it('checks keys: format, reserved names and uniqueness per container', () => {
    const model = sampleForm();
    expect(keyProblem(model, 'f1', '')).toBe('empty');
    expect(keyProblem(model, 'f1', '1abc')).toBe('format');
    expect(keyProblem(model, 'f1', 'a.b')).toBe('format');
    expect(keyProblem(model, 'f1', 'params')).toBe('reserved');
    expect(keyProblem(model, 'f1', 'select')).toBe('duplicate');
    expect(keyProblem(model, 'f4', 'text')).toBeNull();
    expect(keyProblems(updateField(model, 'f1', { key: 'select' }))).toEqual([
      { id: 'f1', key: 'select', problem: 'duplicate' },
      { id: 'f2', key: 'select', problem: 'duplicate' },
    ]);
  });
});
