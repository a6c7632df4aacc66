import { h } from '@bpmn-io/properties-panel/preact';
import type { CalledVariable, Mapping } from '../../../model/call-activity';
import type { ModdleElement } from '../../../model/moddle-element';
import type { BpmnTranslate } from '../../translate';

type Editable = Exclude<Mapping, { kind: 'other' }>;

export interface RowContext {
  translate: BpmnTranslate;
  direction: 'in' | 'out';
  /** The <datalist> of the called process's variables, for its side of a row. */
  listId: string;
  variables: CalledVariable[];
  update: (moddle: ModdleElement, next: Editable) => void;
  remove: (moddle: ModdleElement) => void;
}

interface RowProps extends RowContext {
  moddle: ModdleElement;
  mapping: Mapping;
}

/**
 * One camunda:in or camunda:out: this process's side is typed, the called process's side is typed
 * or picked from its variables (with their titles beneath). A mapping the builder does not know
 * (a business key, `local`) is listed as written and can only be removed.
 */
export function MappingRow(props: RowProps) {
  const { translate, direction, moddle, mapping, remove } = props;
  const removeButton = h(
    'button',
    {
      type: 'button',
      class: 'cf-chip-remove',
      title: translate('Remove'),
      'aria-label': translate('Remove'),
      onClick: () => remove(moddle),
    },
    '×',
  );
  if (mapping.kind === 'other' || mapping.kind === 'businessKey' || mapping.kind === 'all') {
    const text =
      mapping.kind === 'businessKey'
        ? translate('Business key: {expression}', { expression: mapping.expression })
        : mapping.kind === 'all'
          ? translate('All variables')
          : mapping.kind === 'other'
            ? mapping.text
            : '';
    return h('li', { class: 'cf-mapping cf-mapping-kept' }, h('code', null, text), removeButton);
  }

  const ours =
    mapping.kind === 'expression'
      ? field(props, translate('Expression of this process'), mapping.expression, false, (value) =>
          props.update(moddle, { ...mapping, expression: value }),
        )
      : field(
          props,
          translate('Variable of this process'),
          direction === 'in' ? mapping.source : mapping.target,
          false,
          (value) =>
            props.update(
              moddle,
              direction === 'in' ? { ...mapping, source: value } : { ...mapping, target: value },
            ),
        );
  // an `out` mapping from an expression reads the called process's variables in its expression
  const calledName =
    direction === 'in' ? mapping.target : mapping.kind === 'variable' ? mapping.source : undefined;
  const theirs =
    calledName === undefined
      ? null
      : field(props, translate('Variable of the called process'), calledName, true, (value) =>
          props.update(moddle, withCalledName(mapping, direction, value)),
        );
  const title = props.variables.find((variable) => variable.name === calledName)?.title;
  return h(
    'li',
    { class: 'cf-mapping' },
    h(
      'div',
      { class: 'cf-mapping-fields' },
      direction === 'in' ? ours : theirs,
      h('span', { class: 'cf-mapping-arrow', 'aria-hidden': 'true' }, '→'),
      direction === 'in' ? theirs : ours,
      removeButton,
    ),
    title && h('div', { class: 'cf-mapping-title' }, title),
  );
}

function withCalledName(
  mapping: Extract<Mapping, { kind: 'variable' | 'expression' }>,
  direction: 'in' | 'out',
  name: string,
): Editable {
  if (direction === 'in') return { ...mapping, target: name };
  return mapping.kind === 'variable' ? { ...mapping, source: name } : mapping;
}

function field(
  { listId }: RowProps,
  label: string,
  value: string,
  called: boolean,
  onCommit: (value: string) => void,
) {
  return h('input', {
    type: 'text',
    class: called
      ? 'bio-properties-panel-input cf-mapping-called'
      : 'bio-properties-panel-input cf-mapping-ours',
    'aria-label': label,
    title: label,
    placeholder: label,
    list: called ? listId : undefined,
    value,
    // on leaving the field: a mapping rewritten per key would re-render the panel as one types
    onChange: (event: Event) => {
      const next = (event.target as HTMLInputElement).value.trim();
      if (next !== '' && next !== value) onCommit(next);
    },
  });
}
