import { TextFieldEntry, useError } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useState } from '@bpmn-io/properties-panel/preact/hooks';
import { messageChoices, parseMessageName, type MessageChoice } from '../../../model/message-name';
import { textOf, type ModdleElement } from '../../../model/moddle-element';
import type { BpmnTranslate } from '../../translate';
import {
  definitionsOf,
  fileMessages,
  messageHolderOf,
  messageOf,
  setMessageName,
} from '../message-commands';
import { setModdleAttributes } from '../moddle-commands';
import { usePanelServices } from '../panel-services';

interface EntryProps {
  element: unknown;
  id: string;
}

const NEW = '*new*';

/**
 * The message an event or receive task waits for (or sends), by name: picked from the names the
 * district's other deployed processes wait for or send and this file's own, or typed anew.
 */
export function MessageNameEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference, debounce } = services;
  const error = useError(id);
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const holder = messageHolderOf(element);
  if (!holder) return null;
  const message = messageOf(holder);
  const current = parseMessageName(textOf(message, 'name'));

  if (current.kind === 'expression' && message) {
    return h(TextFieldEntry, {
      element,
      id,
      debounce,
      label: translate('Message name'),
      description: translate(
        'An expression: the engine correlates messages by a plain name. Replace it with a name.',
      ),
      getValue: () => current.text,
      setValue: (value: string | undefined) =>
        setModdleAttributes(services, element, message, { name: value?.trim() || undefined }),
    });
  }

  const definitions = definitionsOf(holder);
  const fileNames = fileMessages(definitions).flatMap((m) => textOf(m, 'name') ?? []);
  const processKey = processKeyOf(holder);
  const choices = messageChoices(reference.messages ?? [], fileNames, processKey);
  const currentName = current.kind === 'name' ? current.name : '';
  const commit = (name: string) => {
    const trimmed = name.trim();
    setTyping(false);
    setDraft('');
    if (trimmed !== '' && trimmed !== currentName)
      setMessageName(services, element, holder, trimmed);
  };

  const select = h(
    'select',
    {
      id: `bio-properties-panel-${id}`,
      class: 'bio-properties-panel-input',
      value: typing ? NEW : currentName,
      onChange: (event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (value === NEW) setTyping(true);
        else commit(value);
      },
    },
    currentName === '' &&
      h('option', { value: '', disabled: true }, translate('— choose a message —')),
    choices.map((choice) =>
      h('option', { key: choice.name, value: choice.name }, optionLabel(translate, choice)),
    ),
    h('option', { value: NEW }, translate('A new message name…')),
  );
  const newName =
    typing &&
    h(
      'div',
      { class: 'cf-inline-fields' },
      h('input', {
        type: 'text',
        class: 'bio-properties-panel-input',
        'aria-label': translate('New message name'),
        placeholder: translate('New message name'),
        value: draft,
        onInput: (event: Event) => setDraft((event.target as HTMLInputElement).value),
        onKeyDown: (event: KeyboardEvent) => event.key === 'Enter' && commit(draft),
      }),
      h(
        'button',
        { type: 'button', class: 'cf-link-button', onClick: () => commit(draft) },
        translate('Use'),
      ),
    );

  const chosen = choices.find((choice) => choice.name === currentName);
  return h(
    'div',
    { class: 'bio-properties-panel-entry cf-message-name', 'data-entry-id': id },
    h(
      'label',
      { class: 'bio-properties-panel-label', for: `bio-properties-panel-${id}` },
      translate('Message name'),
    ),
    select,
    newName,
    error && h('div', { class: 'bio-properties-panel-error' }, error),
    h(
      'div',
      { class: 'bio-properties-panel-description' },
      chosen ? usage(translate, chosen) : translate('Messages are matched by this name.'),
    ),
  );
}

function optionLabel(translate: BpmnTranslate, choice: MessageChoice): string {
  const users = [...new Set([...choice.catchers, ...choice.senders])];
  if (users.length === 0) return `${choice.name}（${translate('this process only')}）`;
  return `${choice.name}（${users.join('、')}）`;
}

function usage(translate: BpmnTranslate, choice: MessageChoice): string {
  const parts: string[] = [];
  if (choice.catchers.length > 0)
    parts.push(translate('Waited for by: {list}.', { list: choice.catchers.join('、') }));
  if (choice.senders.length > 0)
    parts.push(translate('Sent by: {list}.', { list: choice.senders.join('、') }));
  if (parts.length === 0) parts.push(translate('No other deployed process uses this name yet.'));
  return parts.join(' ');
}

/** The key of the process the holder sits in: its own deployments are not "other processes". */
function processKeyOf(holder: ModdleElement): string | undefined {
  let current: ModdleElement | undefined = holder;
  while (current && current.$type !== 'bpmn:Process') current = current.$parent;
  return current?.id;
}
