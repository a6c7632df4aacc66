import type { TimerKind } from '../calendar';

/** One reason a BPMN file is refused, or a remark about it; elementId is '' for file-level findings. */
export interface DeploymentProblem {
  elementId: string;
  message: string;
}

export interface MultiInstanceInfo {
  sequential: boolean;
  collection?: string;
  elementVariable?: string;
  loopCardinality?: string;
  completionCondition?: string;
}

export interface UserTaskInfo {
  id: string;
  name?: string;
  formKey?: string;
  assignee?: string;
  candidateUsers: string[];
  candidateGroups: string[];
  dueDate?: string;
  followUpDate?: string;
  priority?: string;
  multiInstance?: MultiInstanceInfo;
}

export interface ServiceTaskInfo {
  id: string;
  name?: string;
  /** bpmn:ServiceTask, bpmn:SendTask or bpmn:BusinessRuleTask: all three run a registered handler. */
  type: string;
  topic?: string;
  /** camunda:inputParameter values as written; lists and maps arrive JSON-stringified. */
  parameters: Record<string, string>;
  multiInstance?: MultiInstanceInfo;
}

export type { TimerKind };

export interface TimerInfo {
  elementId: string;
  kind: TimerKind;
  value: string;
  attachedToRef?: string;
  cancelActivity?: boolean;
  eventType: 'boundary' | 'intermediate' | 'start';
}

/** `<camunda:in source target/>`, `<camunda:in sourceExpression target/>` or `<camunda:in variables="all"/>`. */
export interface VariableMapping {
  source?: string;
  sourceExpression?: string;
  target?: string;
  all?: boolean;
}

export interface CallActivityInfo {
  id: string;
  name?: string;
  calledElement?: string;
  inputs: VariableMapping[];
  outputs: VariableMapping[];
  multiInstance?: MultiInstanceInfo;
}

export interface MessageInfo {
  elementId: string;
  messageName: string;
  kind: 'catch' | 'receiveTask' | 'start' | 'boundary' | 'throw';
}

export interface SignalInfo {
  elementId: string;
  signalName: string;
}

export interface FlowNodeInfo {
  id: string;
  /** The moddle type, e.g. 'bpmn:UserTask'. */
  type: string;
  name?: string;
  /** The enclosing sub-process; absent for nodes directly in the process. */
  parentId?: string;
}

export interface ParsedProcess {
  key: string;
  name?: string;
  isExecutable: boolean;
  /** camunda:formKey on the none start event. */
  startFormKey?: string;
  userTasks: UserTaskInfo[];
  serviceTasks: ServiceTaskInfo[];
  timers: TimerInfo[];
  callActivities: CallActivityInfo[];
  messages: MessageInfo[];
  signals: SignalInfo[];
  /** Distinct, start forms included. */
  formKeys: string[];
  /** Every flow node at any depth, sub-process contents included. */
  flowNodes: FlowNodeInfo[];
  /** The process's `businessKeyPattern` property (camunda:properties), e.g. `JY-{yyyy}-{seq:4}`. */
  businessKeyPattern?: string;
}

export interface ParsedBpmn {
  /** Every process of the file, executable or not. */
  processes: ParsedProcess[];
  /** What the XML reader remarked on (unknown attributes, foreign elements, dangling references). */
  warnings: DeploymentProblem[];
}

export interface ValidationContext {
  /** Service-task handler names known to the registry. */
  handlerTopics: ReadonlySet<string>;
  /** Assignment-resolver prefixes, e.g. starter, var, user, role. */
  assignmentPrefixes: ReadonlySet<string>;
  /** When given, candidateGroups and role:<key> references must be in it. */
  roleKeys?: ReadonlySet<string>;
  /** When given, every formKey must be in it. */
  formKeys?: ReadonlySet<string>;
  /**
   * FEEL syntax check. Receives the expression as written, with its '=' or `${ }` marker (the
   * way engine/src/expressions reads it, so reported columns match the author's text). Returns
   * an error message, or null when the expression is fine.
   */
  validateExpression(text: string): string | null;
  validateTimer(kind: TimerKind, value: string): string | null;
  validateDueDate(spec: string): string | null;
}

export interface ValidationResult {
  /** Absent only when the XML did not parse at all. */
  parsed?: ParsedBpmn;
  problems: DeploymentProblem[];
  warnings: DeploymentProblem[];
}
