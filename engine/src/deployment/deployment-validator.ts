import { isEngineError } from '../engine.error';
import { readBpmnDocument, type BpmnDocument } from './bpmn-parser';
import {
  type DeploymentProblem,
  type ValidationContext,
  type ValidationResult,
} from './deployment.types';
import { type FindingReporter } from './validation-rule';
import { allDocumentRules, allProcessRules } from './validation-rules';

/**
 * Checks whether the engine can run a BPMN file. Every problem at once, never just the first:
 * authors fix a file in one round rather than one error per deployment attempt.
 */
export async function validateBpmn(xml: string, ctx: ValidationContext): Promise<ValidationResult> {
  let document: BpmnDocument;
  try {
    document = await readBpmnDocument(xml);
  } catch (error) {
    if (isEngineError(error, 'DEPLOYMENT_INVALID')) {
      return { problems: error.details as DeploymentProblem[], warnings: [] };
    }
    throw error;
  }
  const findings = new FindingCollector();
  for (const rule of allDocumentRules) rule.check(document, ctx, findings);
  for (const { model, info } of document.models) {
    // Non-executable pools document other participants; the engine never runs them.
    if (!info.isExecutable) continue;
    for (const rule of allProcessRules) rule.check({ model, info, ctx, report: findings });
  }
  return { parsed: document.parsed, problems: findings.problems, warnings: findings.warnings };
}

class FindingCollector implements FindingReporter {
  readonly problems: DeploymentProblem[] = [];
  readonly warnings: DeploymentProblem[] = [];
  private readonly seen = new Set<string>();

  problem(elementId: string, message: string): void {
    this.add(this.problems, elementId, message);
  }

  warning(elementId: string, message: string): void {
    this.add(this.warnings, elementId, message);
  }

  // The same finding can come up twice (a role listed twice); once is enough to fix it.
  private add(into: DeploymentProblem[], elementId: string, message: string): void {
    const key = `${into === this.problems ? 'p' : 'w'}\u0000${elementId}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    into.push({ elementId, message });
  }
}
