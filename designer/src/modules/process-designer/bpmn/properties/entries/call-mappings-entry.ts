import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import {
  mappableVariables,
  mappingAttributes,
  parseMapping,
  type CalledVariable,
  type Mapping,
} from '../../../model/call-activity';
import type { ModdleElement } from '../../../model/moddle-element';
import type { ReferenceLookups } from '../../reference-data/reference-data';
import {
  addMapping,
  mappingAttributesOf,
  mappingsOf,
  removeMapping,
  updateMapping,
} from '../mapping-commands';
import { usePanelServices } from '../panel-services';
import { calledElementOf, calledVersionOf } from './called-element-entry';
import { MappingRow, type RowContext } from './mapping-row';

interface EntryProps {
  element: unknown;
  id: string;
  direction: 'in' | 'out';
}

type Loaded =
  { status: 'loading' | 'failed' | 'none' } | { status: 'done'; variables: CalledVariable[] };

/** The called process's variables, asked of the server when the called process or version changes. */
function useCalledVariables(
  lookups: ReferenceLookups | undefined,
  key: string | undefined,
  version: number | undefined,
): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'none' });
  useEffect(() => {
    if (!lookups || !key) {
      setLoaded({ status: 'none' });
      return;
    }
    let alive = true;
    setLoaded({ status: 'loading' });
    lookups
      .calledVariables(key, version)
      .then((variables) => alive && setLoaded({ status: 'done', variables }))
      .catch(() => alive && setLoaded({ status: 'failed' }));
    return () => {
      alive = false;
    };
  }, [lookups, key, version]);
  return loaded;
}

/**
 * camunda:in (what the called process receives) or camunda:out (what comes back): one row per
 * mapping; the called process's variables, from its forms, are offered to add and to pick.
 */
export function CallMappingsEntry({ element, id, direction }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference } = services;
  const type = direction === 'in' ? 'camunda:In' : 'camunda:Out';
  const called = calledElementOf(element);
  const version = calledVersionOf(element);
  const loaded = useCalledVariables(
    reference.lookups,
    called.kind === 'process' ? called.key : undefined,
    version.kind === 'version' ? version.version : undefined,
  );
  const variables = loaded.status === 'done' ? mappableVariables(loaded.variables, direction) : [];
  const mappings = mappingsOf(element, type).map((moddle) => ({
    moddle,
    mapping: parseMapping(mappingAttributesOf(moddle)),
  }));
  const all = mappings.find((entry) => entry.mapping.kind === 'all');
  const calledSide = (mapping: Mapping) =>
    mapping.kind === 'variable' || mapping.kind === 'expression'
      ? direction === 'in'
        ? mapping.target
        : mapping.kind === 'variable'
          ? mapping.source
          : undefined
      : undefined;
  const mapped = new Set(mappings.map((entry) => calledSide(entry.mapping)));
  const listId = `${id}-variables`;
  const row: RowContext = {
    translate,
    direction,
    listId,
    variables,
    update: (moddle: ModdleElement, next) =>
      updateMapping(services, element, moddle, mappingAttributes(next)),
    remove: (moddle: ModdleElement) => removeMapping(services, element, moddle),
  };
  const label =
    direction === 'in'
      ? translate('Variables passed to the called process')
      : translate('Variables passed back');

  const addable = variables.filter((variable) => !mapped.has(variable.name));
  const note =
    loaded.status === 'none'
      ? translate('Choose the called process to see its variables.')
      : loaded.status === 'loading'
        ? translate('loading…')
        : loaded.status === 'failed'
          ? translate('The called process’s variables could not be read.')
          : null;

  return h(
    'div',
    { class: 'bio-properties-panel-entry cf-call-mappings', 'data-entry-id': id },
    h('label', { class: 'bio-properties-panel-label', for: `bio-properties-panel-${id}` }, label),
    mappings.length > 0 &&
      h(
        'ul',
        { class: 'cf-mapping-list', 'aria-label': label },
        mappings
          .filter((entry) => entry.mapping.kind !== 'all')
          .map((entry, index) => h(MappingRow, { key: index, ...row, ...entry })),
      ),
    h(
      'datalist',
      { id: listId },
      variables.map((variable) =>
        h('option', { key: variable.name, value: variable.name }, variable.title ?? variable.name),
      ),
    ),
    h(
      'select',
      {
        id: `bio-properties-panel-${id}`,
        class: 'bio-properties-panel-input',
        'aria-label': translate('Add a mapping'),
        value: '',
        onChange: (event: Event) => {
          const select = event.target as HTMLSelectElement;
          const name = select.value;
          select.value = '';
          if (name === '') return;
          // the same name on both sides is the usual case; the other side can be renamed after
          // another variable: empty names to type, which the checks flag until they are filled
          const named = name === '*other*' ? '' : name;
          addMapping(services, element, type, { source: named, target: named });
        },
      },
      h('option', { value: '' }, translate('+ Add a variable of the called process…')),
      addable.map((variable) =>
        h(
          'option',
          { key: variable.name, value: variable.name },
          variable.title ? `${variable.title}（${variable.name}）` : variable.name,
        ),
      ),
      h('option', { value: '*other*' }, translate('Another variable (type its name)')),
    ),
    h(
      'label',
      { class: 'cf-check' },
      h('input', {
        type: 'checkbox',
        checked: all !== undefined,
        onChange: (event: Event) => {
          if ((event.target as HTMLInputElement).checked) {
            addMapping(services, element, type, mappingAttributes({ kind: 'all' }));
          } else if (all) {
            removeMapping(services, element, all.moddle);
          }
        },
      }),
      direction === 'in'
        ? translate('Pass all variables of this process')
        : translate('Pass back all variables of the called process'),
    ),
    note && h('div', { class: 'cf-panel-note' }, note),
  );
}
