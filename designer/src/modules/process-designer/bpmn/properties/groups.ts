import {
  Group,
  isFeelEntryEdited,
  isSelectEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { Connection } from 'bpmn-js/lib/model/Types';
import { childOf, textOf } from '../../model/moddle-element';
import type { ReferenceDataState } from '../reference-data/reference-data';
import type { BpmnTranslate } from '../translate';
import { AssigneeArgumentEntry, AssigneeKindEntry } from './entries/assignee-entries';
import { BusinessKeyPatternEntry } from './entries/business-key-entry';
import { CandidateGroupsEntry } from './entries/candidate-groups-entry';
import { CandidateUsersEntry } from './entries/candidate-users-entry';
import { ConditionEntry, DefaultFlowEntry, isDefaultFlow } from './entries/condition-entries';
import { DueDateEntry } from './entries/due-date-entry';
import { FormKeyEntry } from './entries/form-key-entry';
import {
  ExtraParametersEntry,
  HandlerParameterEntry,
  HandlerTopicEntry,
} from './entries/handler-entries';
import {
  CardinalityEntry,
  CollectionEntry,
  CompletionAmountEntry,
  CompletionRuleEntry,
  ElementVariableEntry,
  LoopModeEntry,
  loopOf,
  loopSourceOf,
  LoopSourceEntry,
} from './entries/multi-instance-entries';
import { PriorityEntry } from './entries/priority-entry';
import { ReturnableEntry } from './entries/returnable-entry';
import { inputParametersOf } from './moddle-commands';
import { ENTRY_IDS } from './entry-ids';
import { businessObjectOf, processOf } from './panel-services';

/** A properties-panel group: our groups are open by default, they hold what matters most. */
export interface PanelGroup {
  id: string;
  label: string;
  component: unknown;
  entries: PanelEntry[];
  shouldOpen?: boolean;
}
export interface PanelEntry {
  id: string;
  component: unknown;
  isEdited?: (node: unknown) => boolean;
  [prop: string]: unknown;
}

export interface GroupContext {
  element: unknown;
  translate: BpmnTranslate;
  reference: ReferenceDataState;
}

export function group(id: string, label: string, entries: PanelEntry[]): PanelGroup {
  return { id, label, component: Group, entries, shouldOpen: true };
}

export function userTaskGroups({ element, translate }: GroupContext): PanelGroup[] {
  const assigneeKind = textOf(businessObjectOf(element), 'camunda:assignee');
  const entries: PanelEntry[] = [
    { id: ENTRY_IDS.assigneeKind, component: AssigneeKindEntry, isEdited: isSelectEntryEdited },
  ];
  if (assigneeKind !== undefined && assigneeKind !== 'starter') {
    entries.push({ id: ENTRY_IDS.assigneeArgument, component: AssigneeArgumentEntry });
  }
  entries.push(
    { id: ENTRY_IDS.candidateGroups, component: CandidateGroupsEntry },
    { id: ENTRY_IDS.candidateUsers, component: CandidateUsersEntry },
  );
  return [
    group('cf-assignment', translate('Who handles it'), entries),
    group('cf-form', translate('Form'), [
      {
        id: ENTRY_IDS.formKey,
        component: FormKeyEntry,
        required: true,
        isEdited: isSelectEntryEdited,
      },
    ]),
    group('cf-deadline', translate('Deadline, priority and return'), [
      {
        id: ENTRY_IDS.dueDate,
        component: DueDateEntry,
        attribute: 'camunda:dueDate',
        label: translate('Due date'),
        description: translate('When the task is due; overdue tasks are flagged and escalated.'),
      },
      {
        id: ENTRY_IDS.followUpDate,
        component: DueDateEntry,
        attribute: 'camunda:followUpDate',
        label: translate('Reminder date'),
        description: translate('When the inbox starts reminding the handler.'),
      },
      { id: ENTRY_IDS.priority, component: PriorityEntry, isEdited: isSelectEntryEdited },
      { id: ENTRY_IDS.returnable, component: ReturnableEntry },
    ]),
  ];
}

export function startFormGroups({ element, translate }: GroupContext): PanelGroup[] {
  const bo = businessObjectOf(element);
  // a start event inside a sub-process starts no instance, so it shows no form
  if (!is(bo.$parent, 'bpmn:Process')) return [];
  return [
    group('cf-form', translate('Start form'), [
      {
        id: ENTRY_IDS.formKey,
        component: FormKeyEntry,
        required: false,
        isEdited: isSelectEntryEdited,
      },
    ]),
  ];
}

export function serviceTaskGroups({ element, translate, reference }: GroupContext): PanelGroup[] {
  const topic = textOf(businessObjectOf(element), 'camunda:topic');
  const handler = reference.handlers?.find((candidate) => candidate.topic === topic);
  const entries: PanelEntry[] = [
    { id: ENTRY_IDS.topic, component: HandlerTopicEntry, isEdited: isSelectEntryEdited },
  ];
  for (const parameter of handler?.parameters ?? []) {
    entries.push({
      id: `${ENTRY_IDS.parameter}${parameter.name}`,
      component: HandlerParameterEntry,
      parameter,
      isEdited: isFeelEntryEdited,
    });
  }
  const declared = new Set((handler?.parameters ?? []).map((parameter) => parameter.name));
  const extra = inputParametersOf(element)
    .map((parameter) => textOf(parameter, 'name') ?? '')
    .filter((name) => name !== '' && !declared.has(name));
  if (handler && extra.length > 0) {
    entries.push({ id: ENTRY_IDS.extraParameters, component: ExtraParametersEntry, names: extra });
  }
  return [group('cf-handler', translate('Handler'), entries)];
}

export function multiInstanceGroups({ element, translate }: GroupContext): PanelGroup[] {
  if (!loopOf(element)) return [];
  const entries: PanelEntry[] = [
    { id: ENTRY_IDS.loopMode, component: LoopModeEntry, isEdited: isSelectEntryEdited },
    { id: ENTRY_IDS.loopSource, component: LoopSourceEntry },
  ];
  if (loopSourceOf(element) === 'collection') {
    entries.push(
      { id: ENTRY_IDS.collection, component: CollectionEntry, isEdited: isTextFieldEntryEdited },
      {
        id: ENTRY_IDS.elementVariable,
        component: ElementVariableEntry,
        isEdited: isTextFieldEntryEdited,
      },
    );
  } else {
    entries.push({
      id: ENTRY_IDS.cardinality,
      component: CardinalityEntry,
      isEdited: isTextFieldEntryEdited,
    });
  }
  entries.push(
    { id: ENTRY_IDS.completionRule, component: CompletionRuleEntry, isEdited: isSelectEntryEdited },
    { id: ENTRY_IDS.completionAmount, component: CompletionAmountEntry },
  );
  return [group('cf-multi-instance', translate('Multi-instance'), entries)];
}

const SPLITTING = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

export function conditionGroups({ element, translate }: GroupContext): PanelGroup[] {
  const source = (element as Connection).source;
  const fromSplit = source !== undefined && SPLITTING.some((type) => is(source, type));
  const hasCondition = childOf(businessObjectOf(element), 'conditionExpression') !== undefined;
  if (!fromSplit && !hasCondition) return [];
  const entries: PanelEntry[] = [];
  if (fromSplit) entries.push({ id: ENTRY_IDS.defaultFlow, component: DefaultFlowEntry });
  if (!isDefaultFlow(element)) {
    entries.push({
      id: ENTRY_IDS.condition,
      component: ConditionEntry,
      isEdited: isFeelEntryEdited,
    });
  }
  return [group('cf-condition', translate('Condition'), entries)];
}

/** What belongs to the whole process: how its instances are numbered. */
export function processGroups({ element, translate }: GroupContext): PanelGroup[] {
  if (!processOf(element)) return []; // an empty pool has no process to number
  return [
    group('cf-numbering', translate('Numbering'), [
      {
        id: ENTRY_IDS.businessKeyPattern,
        component: BusinessKeyPatternEntry,
        isEdited: isTextFieldEntryEdited,
      },
    ]),
  ];
}
