import {
  FeelEntry,
  NumberFieldEntry,
  SelectEntry,
  TextFieldEntry,
} from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { VARIABLE_NAME } from '../../../model/assignee-reference';
import {
  formatCompletionCondition,
  parseCompletionCondition,
  switchCompletionRule,
  type CompletionRule,
  type CompletionRuleKind,
} from '../../../model/completion-rule';
import { isExpressionText } from '../../../model/expression-text';
import { bodyOf, childOf, textOf, type ModdleElement } from '../../../model/moddle-element';
import { formalExpression, setModdleAttributes } from '../moddle-commands';
import { businessObjectOf, usePanelServices, type PanelServices } from '../panel-services';
import { asEqualsForm, feelError } from './feel-validation';

interface EntryProps {
  element: unknown;
  id: string;
}

export function loopOf(element: unknown): ModdleElement | undefined {
  const loop = childOf(businessObjectOf(element), 'loopCharacteristics');
  return loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? loop : undefined;
}

export type LoopSource = 'collection' | 'cardinality';

export function loopSourceOf(element: unknown): LoopSource {
  const loop = loopOf(element);
  return textOf(loop, 'camunda:collection') === undefined &&
    bodyOf(loop, 'loopCardinality') !== undefined
    ? 'cardinality'
    : 'collection';
}

function update(services: PanelServices, element: unknown, attributes: Record<string, unknown>) {
  const loop = loopOf(element);
  if (loop) setModdleAttributes(services, element, loop, attributes);
}

/** Parallel (all at once) or sequential (one after another). */
export function LoopModeEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate } = services;
  return h(SelectEntry, {
    element,
    id,
    label: translate('Instances run'),
    getValue: () => (loopOf(element)?.get('isSequential') === true ? 'sequential' : 'parallel'),
    setValue: (value: string) =>
      update(services, element, { isSequential: value === 'sequential' }),
    getOptions: () => [
      { value: 'parallel', label: translate('At the same time (parallel)') },
      { value: 'sequential', label: translate('One after another (sequential)') },
    ],
  });
}

/** One instance per item of a list variable, or a fixed number of instances. */
export function LoopSourceEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate } = services;
  return h(SelectEntry, {
    element,
    id,
    label: translate('How many instances'),
    getValue: () => loopSourceOf(element),
    setValue: (value: LoopSource) =>
      value === 'cardinality'
        ? update(services, element, {
            'camunda:collection': undefined,
            'camunda:elementVariable': undefined,
            loopCardinality: formalExpression(services, '2'),
          })
        : update(services, element, { loopCardinality: undefined }),
    getOptions: () => [
      { value: 'collection', label: translate('One for each item of a list') },
      { value: 'cardinality', label: translate('A fixed number') },
    ],
  });
}

export function CollectionEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, debounce } = services;
  return h(TextFieldEntry, {
    element,
    id,
    debounce,
    label: translate('List variable'),
    description: translate(
      'A variable holding a list (e.g. units, from a form), or an expression starting with =.',
    ),
    getValue: () => textOf(loopOf(element), 'camunda:collection'),
    setValue: (value: string | undefined) =>
      update(services, element, { 'camunda:collection': value?.trim() || undefined }),
    validate: (value: string | undefined) => {
      if (!value) return translate('Name the list the instances are made from.');
      if (isExpressionText(value)) return feelError(translate, value);
      return VARIABLE_NAME.test(value.trim())
        ? null
        : translate('A variable name (letters, digits, _) or an expression starting with =.');
    },
  });
}

export function ElementVariableEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, debounce } = services;
  return h(TextFieldEntry, {
    element,
    id,
    debounce,
    label: translate('Item variable'),
    description: translate('Each instance sees its item under this name, e.g. unit.'),
    getValue: () => textOf(loopOf(element), 'camunda:elementVariable'),
    setValue: (value: string | undefined) =>
      update(services, element, { 'camunda:elementVariable': value?.trim() || undefined }),
    validate: (value: string | undefined) =>
      value && VARIABLE_NAME.test(value.trim())
        ? null
        : translate('Letters, digits and _; start with a letter.'),
  });
}

export function CardinalityEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, debounce } = services;
  return h(TextFieldEntry, {
    element,
    id,
    debounce,
    label: translate('Number of instances'),
    description: translate('A whole number, or an expression starting with =.'),
    getValue: () => bodyOf(loopOf(element), 'loopCardinality'),
    setValue: (value: string | undefined) =>
      update(services, element, { loopCardinality: formalExpression(services, value?.trim()) }),
    validate: (value: string | undefined) => {
      if (!value) return translate('Give the number of instances.');
      if (isExpressionText(value)) return feelError(translate, value);
      return /^\d+$/.test(value.trim())
        ? null
        : translate('A whole number, or an expression starting with =.');
    },
  });
}

function completionRuleOf(element: unknown): CompletionRule {
  return parseCompletionCondition(bodyOf(loopOf(element), 'completionCondition'));
}

function saveRule(services: PanelServices, element: unknown, rule: CompletionRule) {
  update(services, element, {
    completionCondition: formalExpression(services, formatCompletionCondition(rule)),
  });
}

/** When the activity is done: all, any one, a number or a share of the instances, or FEEL. */
export function CompletionRuleEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate } = services;
  return h(SelectEntry, {
    element,
    id,
    label: translate('Done when'),
    getValue: () => completionRuleOf(element).kind,
    setValue: (kind: CompletionRuleKind) =>
      saveRule(services, element, switchCompletionRule(completionRuleOf(element), kind)),
    getOptions: () => [
      { value: 'all', label: translate('All instances are complete') },
      { value: 'any', label: translate('Any one instance is complete') },
      { value: 'count', label: translate('A number of instances are complete') },
      { value: 'fraction', label: translate('A share of the instances is complete') },
      { value: 'custom', label: translate('A FEEL condition holds') },
    ],
  });
}

export function CompletionAmountEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, debounce } = services;
  const rule = completionRuleOf(element);
  if (rule.kind === 'count' || rule.kind === 'fraction') {
    const isCount = rule.kind === 'count';
    return h(NumberFieldEntry, {
      element,
      id,
      debounce,
      label: isCount ? translate('Number of instances') : translate('Share (%)'),
      min: 1,
      max: isCount ? undefined : 100,
      getValue: () => {
        const current = completionRuleOf(element);
        return current.kind === 'count'
          ? current.count
          : current.kind === 'fraction'
            ? current.percent
            : undefined;
      },
      setValue: (value: number | undefined) => {
        if (value === undefined || !Number.isFinite(value) || value < 1) return;
        saveRule(
          services,
          element,
          isCount ? { kind: 'count', count: value } : { kind: 'fraction', percent: value },
        );
      },
      validate: (value: number | undefined) =>
        value === undefined || value < 1 || (!isCount && value > 100)
          ? translate(isCount ? 'At least 1.' : 'From 1 to 100.')
          : null,
    });
  }
  if (rule.kind === 'custom') {
    return h(FeelEntry, {
      translate,
      element,
      id,
      debounce,
      feel: 'required',
      label: translate('Condition'),
      description: translate(
        'May use nrOfInstances, nrOfCompletedInstances and nrOfActiveInstances.',
      ),
      getValue: () => asEqualsForm(bodyOf(loopOf(element), 'completionCondition')),
      setValue: (value: string | undefined) =>
        saveRule(services, element, { kind: 'custom', expression: value ?? '' }),
      validate: (value: string | undefined) => feelError(translate, value),
    });
  }
  return null;
}
