import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import {
  formatCalledElement,
  formatCalledVersion,
  parseCalledElement,
  parseCalledVersion,
  type CalledVersion,
} from '../../../model/call-activity';
import { ownTextOf, textOf } from '../../../model/moddle-element';
import { setAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices, type SelectOption } from '../panel-services';

interface EntryProps {
  element: unknown;
  id: string;
}

export function calledElementOf(element: unknown) {
  return parseCalledElement(textOf(businessObjectOf(element), 'calledElement'));
}

export function calledVersionOf(element: unknown): CalledVersion {
  const bo = businessObjectOf(element);
  return parseCalledVersion({
    binding: ownTextOf(bo, 'camunda:calledElementBinding'),
    version: ownTextOf(bo, 'camunda:calledElementVersion'),
  });
}

/** `calledElement` picked from the district's deployed processes (name, key, latest version). */
export function CalledElementEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference, debounce } = services;
  const called = calledElementOf(element);

  if (called.kind === 'expression') {
    return h(TextFieldEntry, {
      element,
      id,
      debounce,
      label: translate('Called process'),
      description: translate(
        'Computed by an expression when the step is reached; clear it to pick a process.',
      ),
      getValue: () => called.text,
      setValue: (value: string | undefined) =>
        setAttributes(services, element, { calledElement: value?.trim() || undefined }),
    });
  }

  const getOptions = (): SelectOption[] => {
    const options: SelectOption[] = (reference.processes ?? []).map((process) => ({
      value: process.key,
      label: translate('{name}（{key}） · latest version {version}', {
        name: process.name ?? process.key,
        key: process.key,
        version: process.version,
      }),
    }));
    if (called.kind === 'process' && !options.some((option) => option.value === called.key)) {
      const note = reference.processes ? translate('not deployed yet') : translate('loading…');
      options.unshift({ value: called.key, label: `${called.key}（${note}）` });
    }
    options.unshift({ value: '', label: translate('— choose a process —'), disabled: true });
    return options;
  };
  return h(SelectEntry, {
    element,
    id,
    label: translate('Called process'),
    description: translate('Runs as an instance of its own; this step waits until it ends.'),
    getValue: () => (called.kind === 'process' ? called.key : ''),
    setValue: (key: string) =>
      setAttributes(services, element, {
        calledElement: formatCalledElement({ kind: 'process', key }),
      }),
    getOptions,
    validate: (value: string) => (value ? null : translate('Choose the process to call.')),
  });
}

/** Which version is called: always the latest active one, or one pinned version. */
export function CalledVersionEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, reference } = services;
  const called = calledElementOf(element);
  const current = calledVersionOf(element);
  const latest =
    called.kind === 'process'
      ? reference.processes?.find((process) => process.key === called.key)?.version
      : undefined;
  const valueOf = (version: CalledVersion) =>
    version.kind === 'latest'
      ? 'latest'
      : version.kind === 'version'
        ? String(version.version)
        : 'other';

  const getOptions = (): SelectOption[] => {
    const options: SelectOption[] = [
      { value: 'latest', label: translate('Always the latest active version') },
    ];
    for (let version = latest ?? 0; version >= 1; version -= 1) {
      options.push({ value: String(version), label: translate('Version {version}', { version }) });
    }
    if (current.kind === 'version' && !options.some((o) => o.value === String(current.version))) {
      options.push({
        value: String(current.version),
        label: translate('Version {version}', { version: current.version }),
      });
    }
    if (current.kind === 'other') {
      options.push({
        value: 'other',
        label: translate('As written: {binding}', {
          binding: [current.binding, current.version].filter(Boolean).join(' '),
        }),
      });
    }
    return options;
  };
  return h(SelectEntry, {
    element,
    id,
    label: translate('Version'),
    getValue: () => valueOf(current),
    setValue: (value: string) => {
      if (value === 'other') return;
      const next: CalledVersion =
        value === 'latest' ? { kind: 'latest' } : { kind: 'version', version: Number(value) };
      const { binding, version } = formatCalledVersion(next);
      setAttributes(services, element, {
        'camunda:calledElementBinding': binding,
        'camunda:calledElementVersion': version,
      });
    },
    getOptions,
  });
}
