import { TextFieldEntry, useError } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import {
  addCandidateUser,
  candidateUserIds,
  formatCandidateUsers,
  parseCandidateUsers,
  removeCandidate,
  type CandidateEntry,
  type CandidateUsers,
} from '../../../model/candidate-users';
import { textOf } from '../../../model/moddle-element';
import type { RoleOption, UserOption } from '../../reference-data/reference-data';
import type { BpmnTranslate } from '../../translate';
import { setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices } from '../panel-services';
import { personLabel, PersonSearch, usePeople } from './person-search';

interface EntryProps {
  element: unknown;
  id: string;
}

const ATTRIBUTE = 'camunda:candidateUsers';

/**
 * camunda:candidateUsers: the people picked from the directory (`user:<id>`), beside the other
 * references the engine resolves (variables, units, roles, expressions), which are shown as
 * written and kept.
 */
export function CandidateUsersEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference, debounce } = services;
  const error = useError(id);
  const text = textOf(businessObjectOf(element), ATTRIBUTE);
  const value = parseCandidateUsers(text);
  const people = usePeople(reference.lookups, candidateUserIds(value));
  const save = (next: CandidateUsers) =>
    setAttributes(services, element, { [ATTRIBUTE]: formatCandidateUsers(next) });

  if (value.kind === 'expression') {
    return h(TextFieldEntry, {
      element,
      id,
      debounce,
      label: translate('Candidate people'),
      description: translate('Computed by an expression; clear it to pick people instead.'),
      getValue: () => text,
      setValue: (next: string | undefined) =>
        setAttributes(services, element, { [ATTRIBUTE]: next || undefined }),
    });
  }

  const chips = value.entries.map((entry, index) =>
    h(
      'li',
      { key: `${index}:${entry.text}`, class: `cf-chip cf-chip-${entry.kind}` },
      h('span', { class: 'cf-chip-label' }, chipLabel(translate, entry, people, reference.roles)),
      h(
        'button',
        {
          type: 'button',
          class: 'cf-chip-remove',
          'aria-label': translate('Remove {name}', { name: entry.text }),
          title: translate('Remove'),
          onClick: () => save(removeCandidate(value, index)),
        },
        '×',
      ),
    ),
  );
  return h(
    'div',
    { class: 'bio-properties-panel-entry cf-candidate-users', 'data-entry-id': id },
    h(
      'label',
      { class: 'bio-properties-panel-label', for: `bio-properties-panel-${id}` },
      translate('Candidate people'),
    ),
    chips.length > 0 &&
      h('ul', { class: 'cf-chips', 'aria-label': translate('Candidate people') }, chips),
    h(PersonSearch, {
      id,
      translate,
      lookups: reference.lookups,
      exclude: candidateUserIds(value),
      placeholder: translate('Add a person: type a name'),
      onPick: (user: UserOption) => save(addCandidateUser(value, user.id)),
    }),
    error && h('div', { class: 'bio-properties-panel-error' }, error),
    h(
      'div',
      { class: 'bio-properties-panel-description' },
      translate('Each of them sees the task and may claim it.'),
    ),
  );
}

function chipLabel(
  translate: BpmnTranslate,
  entry: CandidateEntry,
  people: Map<string, UserOption>,
  roles: RoleOption[] | undefined,
): string {
  switch (entry.kind) {
    case 'user': {
      const person = people.get(entry.argument);
      return person ? personLabel(person) : entry.argument;
    }
    case 'role': {
      const role = roles?.find((candidate) => candidate.key === entry.argument);
      return translate('Role: {name}', { name: role?.label ?? entry.argument });
    }
    case 'var':
      return translate('Variable: {name}', { name: entry.argument });
    case 'unit':
      return translate('Contacts of the unit in {name}', { name: entry.argument });
    case 'starter':
      return translate('The person who started the process');
    default:
      return entry.text;
  }
}
