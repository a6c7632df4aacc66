import { ENTRY_IDS } from '../bpmn/properties/entry-ids';
import { type LintFinding } from './process-lint';

const BY_KEY: Record<string, string> = {
  unnamed: 'name',
  processKey: 'id',
  businessKeyTooLong: ENTRY_IDS.businessKeyPattern,
  businessKeySeqWidth: ENTRY_IDS.businessKeyPattern,
  businessKeyUnknownField: ENTRY_IDS.businessKeyPattern,
  businessKeyBrace: ENTRY_IDS.businessKeyPattern,
  businessKeyText: ENTRY_IDS.businessKeyPattern,
  businessKeySeqCount: ENTRY_IDS.businessKeyPattern,
  missingForm: ENTRY_IDS.formKey,
  unknownForm: ENTRY_IDS.formKey,
  nobodyAssigned: ENTRY_IDS.assigneeKind,
  assigneeFormat: ENTRY_IDS.assigneeKind,
  assigneeArgument: ENTRY_IDS.assigneeArgument,
  variableName: ENTRY_IDS.assigneeArgument,
  unknownRole: ENTRY_IDS.candidateGroups,
  emptyRole: ENTRY_IDS.candidateGroups,
  dueDate: ENTRY_IDS.dueDate,
  priority: ENTRY_IDS.priority,
  javaImplementation: ENTRY_IDS.topic,
  connector: ENTRY_IDS.topic,
  missingHandler: ENTRY_IDS.topic,
  unknownHandler: ENTRY_IDS.topic,
  loopSource: ENTRY_IDS.loopSource,
  loopElementVariable: ENTRY_IDS.elementVariable,
  loopCardinality: ENTRY_IDS.cardinality,
  emptyCompletion: ENTRY_IDS.completionRule,
  flowWithoutCondition: ENTRY_IDS.condition,
  emptyCondition: ENTRY_IDS.condition,
  conditionNotExpression: ENTRY_IDS.condition,
  scriptCondition: ENTRY_IDS.condition,
  timerKind: ENTRY_IDS.timer,
  timerEmpty: ENTRY_IDS.timer,
};

const BY_FIELD: Record<string, string> = {
  condition: ENTRY_IDS.condition,
  assignee: ENTRY_IDS.assigneeArgument,
  candidateGroups: ENTRY_IDS.candidateGroups,
  dueDate: `${ENTRY_IDS.dueDate}-expression`,
  followUpDate: `${ENTRY_IDS.followUpDate}-expression`,
  priority: ENTRY_IDS.priority,
  collection: ENTRY_IDS.collection,
  loopCardinality: ENTRY_IDS.cardinality,
  completionCondition: ENTRY_IDS.completionAmount,
  timeDuration: `${ENTRY_IDS.timer}-expression`,
  timeDate: `${ENTRY_IDS.timer}-expression`,
  timeCycle: `${ENTRY_IDS.timer}-expression`,
};

/** The properties-panel entry a finding is about, to show its message under that field. */
export function entryIdOf(finding: LintFinding): string | undefined {
  if (finding.key === 'missingParameter')
    return `${ENTRY_IDS.parameter}${finding.vars?.name ?? ''}`;
  if (finding.key === 'unknownRole' && finding.vars?.source === 'assignee')
    return ENTRY_IDS.assigneeArgument;
  if (finding.key.startsWith('feel.')) {
    const field = String(finding.vars?.field ?? '');
    return BY_FIELD[field] ?? `${ENTRY_IDS.parameter}${field}`;
  }
  return BY_KEY[finding.key];
}
