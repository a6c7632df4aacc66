export { parseBpmn } from './bpmn-parser';
export { validateBpmn } from './deployment-validator';
export { isExpressionText } from './expression-text';
export type {
  CallActivityInfo,
  DeploymentProblem,
  FlowNodeInfo,
  MessageInfo,
  MultiInstanceInfo,
  ParsedBpmn,
  ParsedProcess,
  ServiceTaskInfo,
  SignalInfo,
  TimerInfo,
  TimerKind,
  UserTaskInfo,
  ValidationContext,
  ValidationResult,
  VariableMapping,
} from './deployment.types';
