import { isExpressionText, splitList } from './expression-text';
import { idOf, textOf } from './moddle-element';
import { checkExpression, knownList, type ProcessRule, type ProcessScope } from './validation-rule';

/** camunda:assignee and camunda:candidateUsers: `prefix:argument` references for the resolvers. */
const userReferences: ProcessRule = {
  name: 'user-references',
  check(scope) {
    for (const task of scope.model.nodesOfType('bpmn:UserTask')) {
      for (const attribute of ['assignee', 'candidateUsers']) {
        for (const entry of splitList(textOf(task, attribute))) {
          checkUserReference(scope, idOf(task), `camunda:${attribute}`, entry);
        }
      }
    }
  },
};

function checkUserReference(
  scope: ProcessScope,
  taskId: string,
  label: string,
  entry: string,
): void {
  const { ctx, report } = scope;
  if (isExpressionText(entry)) return checkExpression(scope, taskId, label, entry);
  const colon = entry.indexOf(':');
  // "starter" needs no argument: there is only one person who started the instance.
  if (colon < 0 && entry === 'starter' && ctx.assignmentPrefixes.has('starter')) return;
  if (colon < 0) {
    report.problem(
      taskId,
      `${label} '${entry}' is not a prefix:argument reference; known prefixes: ${knownList(ctx.assignmentPrefixes)}`,
    );
    return;
  }
  const prefix = entry.slice(0, colon);
  const argument = entry.slice(colon + 1).trim();
  if (!ctx.assignmentPrefixes.has(prefix)) {
    report.problem(
      taskId,
      `unknown assignment prefix '${prefix}' in ${label}; known: ${knownList(ctx.assignmentPrefixes)}`,
    );
  } else if (argument === '') {
    report.problem(taskId, `${label} '${entry}' lacks an argument after '${prefix}:'`);
  } else if (prefix === 'role') {
    checkRole(scope, taskId, label, argument);
  }
}

/** camunda:candidateGroups: role keys; a `role:` prefix is tolerated for symmetry with assignee. */
const candidateGroups: ProcessRule = {
  name: 'candidate-groups',
  check(scope) {
    for (const task of scope.model.nodesOfType('bpmn:UserTask')) {
      for (const entry of splitList(textOf(task, 'candidateGroups'))) {
        if (isExpressionText(entry)) {
          checkExpression(scope, idOf(task), 'camunda:candidateGroups', entry);
        } else {
          const key = entry.startsWith('role:') ? entry.slice('role:'.length).trim() : entry;
          checkRole(scope, idOf(task), 'camunda:candidateGroups', key);
        }
      }
    }
  },
};

function checkRole(scope: ProcessScope, taskId: string, label: string, key: string): void {
  const { roleKeys } = scope.ctx;
  if (key === '') scope.report.problem(taskId, `${label} has an empty role key`);
  else if (roleKeys && !roleKeys.has(key)) {
    scope.report.problem(
      taskId,
      `unknown role '${key}' in ${label}; known: ${knownList(roleKeys)}`,
    );
  }
}

export const assignmentRules: readonly ProcessRule[] = [userReferences, candidateGroups];
