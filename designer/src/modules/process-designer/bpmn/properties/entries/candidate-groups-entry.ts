import { TextFieldEntry, useError } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { isExpressionText, splitList } from '../../../model/expression-text';
import { textOf } from '../../../model/moddle-element';
import { setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices } from '../panel-services';

interface EntryProps {
  element: unknown;
  id: string;
}

/** camunda:candidateGroups as a checklist of the district's roles (GET /api/roles). */
export function CandidateGroupsEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference, debounce } = services;
  const text = textOf(businessObjectOf(element), 'camunda:candidateGroups');
  const error = useError(id);

  if (text !== undefined && isExpressionText(text)) {
    return h(TextFieldEntry, {
      element,
      id,
      debounce,
      label: translate('Candidate roles'),
      description: translate('Computed by an expression; clear it to pick roles instead.'),
      getValue: () => text,
      setValue: (value: string | undefined) =>
        setAttributes(services, element, { 'camunda:candidateGroups': value || undefined }),
    });
  }

  const selected = splitList(text).map((entry) => entry.replace(/^role:/, '').trim());
  const roles = reference.roles ?? [];
  const unknown = reference.roles
    ? selected.filter((key) => !roles.some((role) => role.key === key))
    : [];
  const options = [
    ...roles.map((role) => ({ key: role.key, label: role.label, unknown: false })),
    ...unknown.map((key) => ({ key, label: `${key}（${translate('not found')}）`, unknown: true })),
  ];
  const toggle = (key: string, checked: boolean) => {
    const next = checked ? [...selected, key] : selected.filter((entry) => entry !== key);
    setAttributes(services, element, {
      'camunda:candidateGroups': next.length > 0 ? [...new Set(next)].join(',') : undefined,
    });
  };

  let body;
  if (!reference.roles) {
    body = h(
      'div',
      { class: 'cf-panel-note' },
      reference.failed.includes('roles')
        ? translate('The roles could not be loaded.')
        : translate('loading…'),
    );
  } else if (options.length === 0) {
    body = h('div', { class: 'cf-panel-note' }, translate('The district has no roles yet.'));
  } else {
    body = h(
      'div',
      { class: 'cf-checklist', role: 'group', 'aria-label': translate('Candidate roles') },
      options.map((option) =>
        h(
          'label',
          {
            class: option.unknown ? 'cf-checklist-item cf-unknown' : 'cf-checklist-item',
            key: option.key,
          },
          h('input', {
            type: 'checkbox',
            checked: selected.includes(option.key),
            onChange: (event: Event) =>
              toggle(option.key, (event.target as HTMLInputElement).checked),
          }),
          h('span', null, option.label),
        ),
      ),
    );
  }
  return h(
    'div',
    { class: 'bio-properties-panel-entry', 'data-entry-id': id },
    h('label', { class: 'bio-properties-panel-label' }, translate('Candidate roles')),
    body,
    error && h('div', { class: 'bio-properties-panel-error' }, error),
    h(
      'div',
      { class: 'bio-properties-panel-description' },
      translate('Everyone in these roles sees the task and may claim it.'),
    ),
  );
}
