import { parseAssignee, VARIABLE_NAME } from './assignee-reference';
import { businessKeyPatternOf, issueFinding, patternIssues } from './business-key';
import { isValidDueDateText } from './due-date-spec';
import { isExpressionText, splitList } from './expression-text';
import { checkFeelSyntax, feelProblemMessage } from './feel-syntax';
import {
  bodyOf,
  childOf,
  childrenOf,
  extensionsOf,
  isAny,
  textOf,
  type ModdleElement,
} from './moddle-element';

/**
 * The designer's own checks, run on every change before the server's dry run answers. They mirror
 * the engine's main deployment rules (engine/src/deployment/*-rules.ts); the server stays the
 * judge, so a rule missing here only means the problem shows a moment later.
 */
export interface LintFinding {
  elementId: string;
  severity: 'error' | 'warning';
  /** message key under `processDesigner.lint.` */
  key: string;
  vars?: Record<string, string | number>;
}

export interface LintReferenceData {
  /** undefined while not loaded: the checks against it are skipped */
  roleKeys?: ReadonlySet<string>;
  formKeys?: ReadonlySet<string>;
  handlers?: ReadonlyMap<string, { name: string; required?: boolean }[]>;
}

const PROCESS_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

const REFUSED_NODES: Record<string, string> = {
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:ComplexGateway': 'complexGateway',
  'bpmn:Transaction': 'transaction',
  'bpmn:AdHocSubProcess': 'adHocSubProcess',
  'bpmn:ManualTask': 'manualTask',
};
const REFUSED_EVENTS: Record<string, string> = {
  'bpmn:ConditionalEventDefinition': 'conditionalEvent',
  'bpmn:CancelEventDefinition': 'cancelEvent',
};
const REFUSED_EXTENSIONS: Record<string, string> = {
  'camunda:ExecutionListener': 'executionListener',
  'camunda:TaskListener': 'taskListener',
  'camunda:FormData': 'formData',
};
const SERVICE_TYPES = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];
const SPLIT_GATEWAYS = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

export function lintProcess(
  definitions: ModdleElement,
  reference: LintReferenceData,
): LintFinding[] {
  const findings: LintFinding[] = [];
  const report = (
    elementId: string,
    key: string,
    vars?: LintFinding['vars'],
    severity: LintFinding['severity'] = 'error',
  ) => findings.push({ elementId, severity, key, ...(vars ? { vars } : {}) });

  const processes = processesOf(definitions);
  const executable = processes.filter((process) => process.get('isExecutable') === true);
  if (executable.length === 0) report(processes[0]?.id ?? '', 'noExecutableProcess');
  if (executable.length > 1) report('', 'severalExecutableProcesses', { count: executable.length });

  for (const process of executable) {
    const key = process.id ?? '';
    if (!PROCESS_KEY.test(key)) report(key, 'processKey', { key });
    if (!childrenOf(process, 'flowElements').some((e) => e.$type === 'bpmn:StartEvent')) {
      report(key, 'noStartEvent');
    }
    const pattern = businessKeyPatternOf(process);
    const [issue] = pattern === undefined ? [] : patternIssues(pattern);
    if (issue) {
      const finding = issueFinding(issue);
      report(key, finding.key, { pattern: pattern!, ...finding.vars });
    }
    for (const element of allFlowElements(process)) lintElement(element, reference, report);
  }
  return findings;
}

type Report = (
  elementId: string,
  key: string,
  vars?: LintFinding['vars'],
  severity?: LintFinding['severity'],
) => void;

function lintElement(element: ModdleElement, reference: LintReferenceData, report: Report): void {
  const id = element.id ?? '';
  const refusedNode = REFUSED_NODES[element.$type];
  if (refusedNode) report(id, refusedNode);
  for (const definition of childrenOf(element, 'eventDefinitions')) {
    const refused = REFUSED_EVENTS[definition.$type];
    if (refused) report(id, refused);
  }
  for (const [type, key] of Object.entries(REFUSED_EXTENSIONS)) {
    if (extensionsOf(element, type).length > 0) report(id, key);
  }
  if (element.$type === 'bpmn:SequenceFlow') return lintFlow(element, report);
  if (!textOf(element, 'name') && element.$type !== 'bpmn:TextAnnotation') {
    report(id, 'unnamed', undefined, 'warning');
  }
  if (SPLIT_GATEWAYS.includes(element.$type)) lintGateway(element, report);
  if (element.$type === 'bpmn:UserTask') lintUserTask(element, reference, report);
  if (element.$type === 'bpmn:StartEvent') {
    const formKey = textOf(element, 'camunda:formKey');
    if (formKey && reference.formKeys && !reference.formKeys.has(formKey)) {
      report(id, 'unknownForm', { form: formKey });
    }
  }
  if (SERVICE_TYPES.includes(element.$type)) lintServiceTask(element, reference, report);
  lintLoop(element, report);
  lintTimers(element, report);
  for (const parameter of inputParametersOf(element)) {
    const value = textOf(parameter, 'value');
    if (value !== undefined && isExpressionText(value)) {
      checkExpression(id, value, report, { field: textOf(parameter, 'name') ?? '' });
    }
  }
}

function lintFlow(flow: ModdleElement, report: Report): void {
  const condition = childOf(flow, 'conditionExpression');
  if (!condition) return;
  const id = flow.id ?? '';
  if (textOf(condition, 'language')) return report(id, 'scriptCondition');
  const body = textOf(condition, 'body');
  if (body === undefined) return report(id, 'emptyCondition');
  if (!isExpressionText(body)) return report(id, 'conditionNotExpression', { text: body });
  checkExpression(id, body, report, { field: 'condition' });
}

function lintGateway(gateway: ModdleElement, report: Report): void {
  const outgoing = childrenOf(gateway, 'outgoing');
  const incoming = childrenOf(gateway, 'incoming');
  if (gateway.$type === 'bpmn:InclusiveGateway' && incoming.length > 1) {
    report(gateway.id ?? '', 'inclusiveJoin');
  }
  if (outgoing.length < 2) return;
  const defaultFlow = childOf(gateway, 'default');
  for (const flow of outgoing) {
    if (flow === defaultFlow || childOf(flow, 'conditionExpression')) continue;
    report(flow.id ?? '', 'flowWithoutCondition', {
      gateway: textOf(gateway, 'name') ?? gateway.id ?? '',
    });
  }
}

function lintUserTask(task: ModdleElement, reference: LintReferenceData, report: Report): void {
  const id = task.id ?? '';
  const formKey = textOf(task, 'camunda:formKey');
  if (formKey === undefined) report(id, 'missingForm');
  else if (reference.formKeys && !reference.formKeys.has(formKey)) {
    report(id, 'unknownForm', { form: formKey });
  }
  const assignee = parseAssignee(textOf(task, 'camunda:assignee'));
  const candidates = splitList(textOf(task, 'camunda:candidateGroups'));
  const candidateUsers = splitList(textOf(task, 'camunda:candidateUsers'));
  if (assignee.kind === 'none' && candidates.length === 0 && candidateUsers.length === 0) {
    report(id, 'nobodyAssigned', undefined, 'warning');
  }
  if (assignee.kind === 'expression')
    checkExpression(id, assignee.argument, report, { field: 'assignee' });
  else if (assignee.kind === 'other') report(id, 'assigneeFormat', { text: assignee.argument });
  else if (assignee.kind !== 'none' && assignee.kind !== 'starter' && assignee.argument === '') {
    report(id, 'assigneeArgument');
  } else if (assignee.kind === 'role') {
    checkRole(id, assignee.argument, reference, report, 'assignee');
  } else if (
    (assignee.kind === 'var' || assignee.kind === 'unit') &&
    !VARIABLE_NAME.test(assignee.argument)
  ) {
    report(id, 'variableName', { name: assignee.argument });
  }
  for (const entry of candidates) {
    if (isExpressionText(entry)) checkExpression(id, entry, report, { field: 'candidateGroups' });
    else checkRole(id, entry.replace(/^role:/, '').trim(), reference, report, 'candidateGroups');
  }
  for (const attribute of ['dueDate', 'followUpDate']) {
    const spec = textOf(task, `camunda:${attribute}`);
    if (spec === undefined) continue;
    if (isExpressionText(spec)) checkExpression(id, spec, report, { field: attribute });
    else if (!isValidDueDateText(spec)) report(id, 'dueDate', { text: spec });
  }
  const priority = textOf(task, 'camunda:priority');
  if (priority !== undefined) {
    if (isExpressionText(priority)) checkExpression(id, priority, report, { field: 'priority' });
    else if (!/^\d+$/.test(priority) || Number(priority) > 100)
      report(id, 'priority', { text: priority });
  }
}

function checkRole(
  id: string,
  key: string,
  reference: LintReferenceData,
  report: Report,
  source: 'assignee' | 'candidateGroups',
): void {
  if (key === '') report(id, 'emptyRole', { source });
  else if (reference.roleKeys && !reference.roleKeys.has(key)) {
    report(id, 'unknownRole', { role: key, source });
  }
}

function lintServiceTask(task: ModdleElement, reference: LintReferenceData, report: Report): void {
  const id = task.id ?? '';
  for (const attribute of ['class', 'expression', 'delegateExpression', 'decisionRef']) {
    if (textOf(task, `camunda:${attribute}`))
      return report(id, 'javaImplementation', { attribute });
  }
  if (extensionsOf(task, 'camunda:Connector').length > 0) return report(id, 'connector');
  const topic = textOf(task, 'camunda:topic');
  if (textOf(task, 'camunda:type') !== 'external' || topic === undefined) {
    return report(id, 'missingHandler');
  }
  const parameters = reference.handlers?.get(topic);
  if (reference.handlers && !parameters) return report(id, 'unknownHandler', { topic });
  const given = new Set(
    inputParametersOf(task)
      .filter(
        (parameter) => textOf(parameter, 'value') !== undefined || childOf(parameter, 'definition'),
      )
      .map((parameter) => textOf(parameter, 'name')),
  );
  for (const parameter of parameters ?? []) {
    if (parameter.required && !given.has(parameter.name)) {
      report(id, 'missingParameter', { name: parameter.name });
    }
  }
}

function lintLoop(element: ModdleElement, report: Report): void {
  const loop = childOf(element, 'loopCharacteristics');
  if (!loop) return;
  const id = element.id ?? '';
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') return report(id, 'standardLoop');
  const collection = textOf(loop, 'camunda:collection');
  const cardinality = bodyOf(loop, 'loopCardinality');
  if (collection === undefined && cardinality === undefined) report(id, 'loopSource');
  if (collection !== undefined) {
    if (textOf(loop, 'camunda:elementVariable') === undefined) report(id, 'loopElementVariable');
    if (isExpressionText(collection))
      checkExpression(id, collection, report, { field: 'collection' });
  }
  if (cardinality !== undefined) {
    if (isExpressionText(cardinality))
      checkExpression(id, cardinality, report, { field: 'loopCardinality' });
    else if (!/^\d+$/.test(cardinality)) report(id, 'loopCardinality', { text: cardinality });
  }
  if (childOf(loop, 'completionCondition')) {
    const condition = bodyOf(loop, 'completionCondition');
    if (condition === undefined) report(id, 'emptyCompletion');
    else if (!isExpressionText(condition))
      report(id, 'conditionNotExpression', { text: condition });
    else checkExpression(id, condition, report, { field: 'completionCondition' });
  }
}

function lintTimers(element: ModdleElement, report: Report): void {
  for (const definition of childrenOf(element, 'eventDefinitions')) {
    if (definition.$type !== 'bpmn:TimerEventDefinition') continue;
    const kinds = ['timeDuration', 'timeDate', 'timeCycle'].filter((kind) =>
      childOf(definition, kind),
    );
    if (kinds.length !== 1) {
      report(element.id ?? '', 'timerKind');
      continue;
    }
    const value = bodyOf(definition, kinds[0]);
    if (value === undefined) report(element.id ?? '', 'timerEmpty');
    else if (isExpressionText(value))
      checkExpression(element.id ?? '', value, report, { field: kinds[0] });
  }
}

function checkExpression(
  id: string,
  text: string,
  report: Report,
  vars: Record<string, string>,
): void {
  const problem = checkFeelSyntax(text);
  if (problem === null) return;
  const message = feelProblemMessage(problem);
  report(id, `feel.${message.key}`, { ...vars, ...message.vars });
}

function processesOf(definitions: ModdleElement): ModdleElement[] {
  return childrenOf(definitions, 'rootElements').filter((root) => root.$type === 'bpmn:Process');
}

/** Every flow element of a process, sub-processes included. */
export function allFlowElements(container: ModdleElement): ModdleElement[] {
  const result: ModdleElement[] = [];
  for (const element of childrenOf(container, 'flowElements')) {
    result.push(element);
    if (isAny(element, ['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess'])) {
      result.push(...allFlowElements(element));
    }
  }
  return result;
}

function inputParametersOf(element: ModdleElement): ModdleElement[] {
  return extensionsOf(element, 'camunda:InputOutput').flatMap((io) =>
    childrenOf(io, 'inputParameters'),
  );
}
