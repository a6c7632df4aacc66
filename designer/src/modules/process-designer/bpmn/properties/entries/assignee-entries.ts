import { FeelEntry, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import {
  ASSIGNEE_KINDS,
  formatAssignee,
  parseAssignee,
  VARIABLE_NAME,
  type AssigneeKind,
} from '../../../model/assignee-reference';
import { textOf } from '../../../model/moddle-element';
import { setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices, type SelectOption } from '../panel-services';
import { AssigneePersonEntry } from './assignee-person-entry';
import { feelError } from './feel-validation';

interface EntryProps {
  element: unknown;
  id: string;
}

const KIND_LABELS: Record<AssigneeKind, string> = {
  none: 'Nobody in particular (candidates claim it)',
  starter: 'The person who started the process',
  role: 'A role of the district',
  user: 'A particular person',
  var: 'The person named in a process variable',
  unit: 'The contacts of a unit named in a variable',
  expression: 'A FEEL expression',
  other: 'Other (kept as written)',
};

function currentAssignee(element: unknown) {
  return parseAssignee(textOf(businessObjectOf(element), 'camunda:assignee'));
}

/** How the assignee is found: starter, role, person, variable, unit or expression. */
export function AssigneeKindEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference } = services;
  return h(SelectEntry, {
    element,
    id,
    label: translate('Assignee'),
    getValue: () => currentAssignee(element).kind,
    setValue: (kind: AssigneeKind) => {
      // a fresh kind starts from a value the engine accepts where there is an obvious one
      const argument =
        kind === 'role' ? (reference.roles?.[0]?.key ?? '') : kind === 'expression' ? '=' : '';
      setAttributes(services, element, { 'camunda:assignee': formatAssignee({ kind, argument }) });
    },
    getOptions: (): SelectOption[] => {
      const kinds: AssigneeKind[] = [...ASSIGNEE_KINDS];
      if (currentAssignee(element).kind === 'other') kinds.push('other');
      return kinds.map((kind) => ({ value: kind, label: translate(KIND_LABELS[kind]) }));
    },
  });
}

/** The argument of the assignee reference, with the picker its kind calls for. */
export function AssigneeArgumentEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference, debounce } = services;
  const current = currentAssignee(element);
  const save = (argument: string | undefined) =>
    setAttributes(services, element, {
      'camunda:assignee': formatAssignee({ kind: current.kind, argument: argument ?? '' }),
    });
  const getValue = () => currentAssignee(element).argument;

  if (current.kind === 'user') return h(AssigneePersonEntry, { element, id });
  if (current.kind === 'role') {
    const options: SelectOption[] = (reference.roles ?? []).map((role) => ({
      value: role.key,
      label: `${role.label}（${role.key}）`,
    }));
    if (current.argument && !options.some((option) => option.value === current.argument)) {
      const note = reference.roles ? translate('not found') : translate('loading…');
      options.unshift({ value: current.argument, label: `${current.argument}（${note}）` });
    }
    options.unshift({ value: '', label: translate('— choose —'), disabled: true });
    return h(SelectEntry, {
      element,
      id,
      label: translate('Role'),
      getValue,
      setValue: save,
      getOptions: () => options,
      validate: (value: string) => (value ? null : translate('Choose one.')),
    });
  }
  if (current.kind === 'var' || current.kind === 'unit') {
    return h(TextFieldEntry, {
      element,
      id,
      debounce,
      label: translate('Variable name'),
      description:
        current.kind === 'var'
          ? translate('A variable holding a user id or a list of them, e.g. leadDeputy.')
          : translate('A variable holding a unit id; its contacts get the task, e.g. leadUnit.'),
      getValue,
      setValue: save,
      validate: (value: string | undefined) =>
        value && VARIABLE_NAME.test(value)
          ? null
          : translate('Letters, digits and _; start with a letter.'),
    });
  }
  if (current.kind === 'expression') {
    return h(FeelEntry, {
      translate,
      element,
      id,
      debounce,
      feel: 'required',
      label: translate('Expression'),
      description: translate('Evaluates to a user id or a list of user ids.'),
      getValue,
      setValue: (value: string | undefined) => save(value ?? '='),
      validate: (value: string | undefined) => feelError(translate, value),
    });
  }
  if (current.kind === 'other') {
    return h(TextFieldEntry, {
      element,
      id,
      debounce,
      label: translate('Reference'),
      description: translate(
        'Written as prefix:argument, for a resolver this designer does not know.',
      ),
      getValue,
      setValue: save,
    });
  }
  return null;
}
