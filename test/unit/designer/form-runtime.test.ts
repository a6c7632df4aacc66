import { createForm } from '@formily/core';
import { observable } from '@formily/reactive';
import { formData } from '../../../designer/src/shared/form-components/form-data';
import { evaluateSafely } from '../../../designer/src/shared/form-components/safe-expressions';

describe('evaluateSafely: schema expressions without eval', () => {
  beforeAll(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('evaluates the restricted language over Formily’s scope, observables included', () => {
    const deps = observable(['accept', ['B', 'C']]);
    expect(evaluateSafely(" $deps[0] === 'accept' ", { $deps: deps })).toBe(true);
    expect(evaluateSafely('($deps[1] || []).includes($deps[0])', { $deps: ['B', ['B']] })).toBe(
      true,
    );
    expect(evaluateSafely('$self.value > 3', { $self: { value: 5 } })).toBe(true);
    expect(
      evaluateSafely('$form.values.a.b', { $form: { values: observable({ a: { b: 2 } }) } }),
    ).toBe(2);
    expect(evaluateSafely('$deps[1] !== false', { $deps: [undefined, undefined] })).toBe(true);
  });

  it('gives nothing for what the server would refuse, and runs none of it', () => {
    expect(evaluateSafely("alert('x')", {})).toBeUndefined();
    expect(evaluateSafely('$deps.constructor', { $deps: [] })).toBeUndefined();
    expect(evaluateSafely('window.location', {})).toBeUndefined();
  });
});

describe('formData', () => {
  it('drops Formily’s bookkeeping keys from array rows', () => {
    const form = createForm({
      values: {
        contactLog: [{ __DO_NOT_USE_THIS_PROPERTY_index__: 0, contactPerson: '吴丽娟' }],
        replyCode: 'A',
      },
    });
    expect(formData(form)).toEqual({ contactLog: [{ contactPerson: '吴丽娟' }], replyCode: 'A' });
  });
});
