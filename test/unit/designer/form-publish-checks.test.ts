import { dropTargetOf } from '../../../designer/src/modules/form-designer/components/drag-types';
import {
  changeKind,
  createField,
  duplicateField,
  insertField,
  updateField,
} from '../../../designer/src/modules/form-designer/model/builder-operations';
import { PALETTE_GROUPS } from '../../../designer/src/modules/form-designer/model/field-palette';
import {
  emptyForm,
  FIELD_KINDS,
  type FormModel,
} from '../../../designer/src/modules/form-designer/model/form-model';
import {
  checkForm,
  fieldOfPath,
  isRegExp,
} from '../../../designer/src/modules/form-designer/model/publish-checks';

function ids() {
  let n = 0;
  return () => `f${(n += 1)}`;
}

/** given a form titled "答复" with a radio group and an (empty) table */
function sampleForm(): FormModel {
  const newId = ids();
  let model = emptyForm('答复');
  for (const kind of ['radio', 'table'] as const) {
    const field = createField(model, kind, 'root', { label: kind, options: ['甲', '乙'] }, newId);
    model = insertField(model, field, { container: 'root', index: 99 });
  }
  return model;
}

describe('checkForm', () => {
  it('names what blocks publishing, field by field', () => {
    let model = sampleForm();
    model = updateField(model, 'f1', {
      options: [
        { label: '甲', value: 'a' },
        { label: '乙', value: 'a' },
      ],
      visibility: { field: 'gone', operator: 'equals', values: ['x'] },
      validation: { minItems: 3, maxItems: 1, pattern: '(' },
    });
    model = { ...model, title: ' ' };
    expect(checkForm(model).map((c) => [c.key, c.fieldId])).toEqual([
      ['noTitle', undefined],
      ['duplicateOption', 'f1'],
      ['pattern', 'f1'],
      ['range', 'f1'],
      ['ruleSource', 'f1'],
      ['noColumns', 'f2'],
    ]);
  });

  it('passes a complete form and flags an empty one', () => {
    expect(checkForm(updateField(sampleForm(), 'f2', { kind: 'text' }))).toEqual([]);
    expect(checkForm(emptyForm('空')).map((c) => c.key)).toEqual(['noFields']);
  });

  it('checks regular expressions as the server reads them', () => {
    expect(isRegExp('^\\d{6}$')).toBe(true);
    expect(isRegExp('/^a$/i')).toBe(true);
    expect(isRegExp('(')).toBe(false);
    expect(isRegExp('')).toBe(false);
  });
});

describe('fieldOfPath', () => {
  it('finds the field of a server problem path, columns included', () => {
    let model = sampleForm();
    const column = createField(model, 'text', 'f2', { label: '措施' }, () => 'c1');
    model = insertField(model, column, { container: 'f2', index: 0 });
    expect(fieldOfPath(model, 'properties.radio.enum')?.id).toBe('f1');
    expect(
      fieldOfPath(model, 'properties.table.items.properties.textColumn.properties.text.required')
        ?.id,
    ).toBe('c1');
    expect(fieldOfPath(model, 'properties.table.x-component')?.id).toBe('f2');
    expect(fieldOfPath(model, 'x-cf.title')).toBeUndefined();
  });

  it('reads the paths the server gives, inside the request body (schema.properties…)', () => {
    const model = sampleForm();
    expect(fieldOfPath(model, 'schema.properties.radio.x-validator.pattern')?.id).toBe('f1');
    expect(fieldOfPath(model, 'schema.x-cf.writes')).toBeUndefined();
  });
});

describe('kind changes and copies', () => {
  it('switches between compatible kinds only', () => {
    const model = sampleForm();
    expect(changeKind(model, 'f1', 'select').fields[0].kind).toBe('select');
    expect(changeKind(model, 'f1', 'text')).toBe(model);
  });

  it('duplicates a field right after it with a fresh key', () => {
    const model = duplicateField(sampleForm(), 'f1', () => 'copy');
    expect(model.fields.map((f) => [f.id, f.key])).toEqual([
      ['f1', 'radio'],
      ['copy', 'radio2'],
      ['f2', 'table'],
    ]);
  });
});

describe('dropTargetOf', () => {
  const rect = (top: number, left = 0) => ({ top, left, width: 100, height: 40 });

  it('inserts a new field before or after the one it is over', () => {
    const model = sampleForm();
    const palette = { type: 'palette', kind: 'text' } as const;
    const over = { type: 'field', fieldId: 'f2', container: 'root' } as const;
    expect(dropTargetOf(model, palette, over, rect(100), rect(110))).toEqual({
      container: 'root',
      index: 1,
    });
    expect(dropTargetOf(model, palette, over, rect(130), rect(110))).toEqual({
      container: 'root',
      index: 2,
    });
    expect(
      dropTargetOf(model, palette, { type: 'container', container: 'f2' }, null, rect(0)),
    ).toEqual({
      container: 'f2',
      index: 0,
    });
  });

  it('takes the place of the field it is over within one container', () => {
    const moving = { type: 'field', fieldId: 'f1', container: 'root' } as const;
    const over = { type: 'field', fieldId: 'f2', container: 'root' } as const;
    expect(dropTargetOf(sampleForm(), moving, over, rect(0), rect(50))).toEqual({
      container: 'root',
      index: 1,
    });
  });
});

describe('palette', () => {
  it('offers every field kind exactly once', () => {
    const kinds = PALETTE_GROUPS.flatMap((group) => group.kinds);
    expect([...kinds].sort()).toEqual([...FIELD_KINDS].sort());
  });
});
