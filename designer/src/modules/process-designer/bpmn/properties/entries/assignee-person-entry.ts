import { useError } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { formatAssignee, parseAssignee } from '../../../model/assignee-reference';
import { textOf } from '../../../model/moddle-element';
import type { UserOption } from '../../reference-data/reference-data';
import { setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices } from '../panel-services';
import { personLabel, PersonSearch, usePeople } from './person-search';

interface EntryProps {
  element: unknown;
  id: string;
}

/** `camunda:assignee="user:<id>"`: the person shown by name and unit, changed by a search. */
export function AssigneePersonEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference } = services;
  const error = useError(id);
  const userId = parseAssignee(textOf(businessObjectOf(element), 'camunda:assignee')).argument;
  const person = usePeople(reference.lookups, userId ? [userId] : []).get(userId);
  const pick = (user: UserOption) =>
    setAttributes(services, element, {
      'camunda:assignee': formatAssignee({ kind: 'user', argument: user.id }),
    });

  return h(
    'div',
    { class: 'bio-properties-panel-entry cf-assignee-person', 'data-entry-id': id },
    h(
      'label',
      { class: 'bio-properties-panel-label', for: `bio-properties-panel-${id}` },
      translate('Person'),
    ),
    userId
      ? h('div', { class: 'cf-chosen-person' }, person ? personLabel(person) : userId)
      : h('div', { class: 'cf-panel-note' }, translate('Nobody chosen yet.')),
    h(PersonSearch, {
      id,
      translate,
      lookups: reference.lookups,
      exclude: userId ? [userId] : [],
      placeholder: userId
        ? translate('Choose someone else: type a name')
        : translate('Choose a person: type a name'),
      onPick: pick,
    }),
    error && h('div', { class: 'bio-properties-panel-error' }, error),
  );
}
