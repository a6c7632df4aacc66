import { validateBpmn } from '../deployment-validator';
import { expressionSource, isExpressionText } from '../expression-text';
import { type ValidationContext, type ValidationResult } from '../deployment.types';

export interface FixtureOptions {
  processId?: string;
  executable?: boolean;
  /** Root elements after the process: messages, signals, more processes, a collaboration. */
  extra?: string;
}

/** Wraps process content in a bpmn:definitions with the namespaces Camunda Modeler writes. */
export function bpmnXml(processContent: string, options: FixtureOptions = {}): string {
  const { processId = 'fixture-process', executable = true, extra = '' } = options;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    id="fixture-definitions" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" name="Fixture" isExecutable="${executable}">
    ${processContent}
  </bpmn:process>
  ${extra}
</bpmn:definitions>`;
}

/** Process content preceded by a named start event, so only the rule under test speaks. */
export function withStart(processContent: string, options: FixtureOptions = {}): string {
  return bpmnXml(`<bpmn:startEvent id="start" name="Start" />${processContent}`, options);
}

/** Stand-in FEEL check: enough to tell a broken expression from a sound one. */
export function fakeFeelCheck(text: string): string | null {
  if (!isExpressionText(text)) return 'not an expression';
  const source = expressionSource(text);
  if (source === '') return 'empty expression';
  let depth = 0;
  for (const char of source) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth < 0) return 'unbalanced parentheses';
  }
  return depth === 0 ? null : 'unbalanced parentheses';
}

export function fakeContext(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return {
    handlerTopics: new Set(['render-document', 'send-mail']),
    assignmentPrefixes: new Set(['starter', 'var', 'user', 'role']),
    roleKeys: new Set(['council', 'office']),
    formKeys: new Set([
      'request-start',
      'request-register',
      'request-review',
      'request-chase',
      'simple-form',
    ]),
    validateExpression: fakeFeelCheck,
    validateTimer: (_kind, value) =>
      /^(P|R\/|\d{4}-\d{2}-\d{2})/.test(value) ? null : 'not an ISO 8601 value',
    validateDueDate: (spec) =>
      /^(P\d+WD|P[\dYMWDTHS]+|\d{4}-\d{2}-\d{2})$/.test(spec) ? null : 'not a due date',
    ...overrides,
  };
}

export function validate(xml: string, ctx = fakeContext()): Promise<ValidationResult> {
  return validateBpmn(xml, ctx);
}

/** Matches a problem by element id and a fragment of its message. */
export function problemAt(elementId: string, fragment: string): unknown {
  return expect.objectContaining({ elementId, message: expect.stringContaining(fragment) });
}
