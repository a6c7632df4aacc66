import { patternProblems } from '../business-keys/business-key-pattern';
import { type ProcessRule } from './validation-rule';

// Keys end up in URLs and storage keys; keep them to a safe, readable alphabet.
const keyPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

const processKey: ProcessRule = {
  name: 'process-key',
  check({ model, report }) {
    if (!keyPattern.test(model.key)) {
      report.problem(
        model.key,
        `process id '${model.key}' is not a valid key: start with a letter, then letters, digits, '_' or '-'`,
      );
    }
  },
};

const startEvent: ProcessRule = {
  name: 'start-event',
  check({ model, report }) {
    if (!model.topLevelNodes().some((node) => node.$type === 'bpmn:StartEvent')) {
      report.problem(model.key, 'the process has no start event');
    }
  },
};

const businessKeyPattern: ProcessRule = {
  name: 'business-key-pattern',
  check({ info, report }) {
    if (info.businessKeyPattern === undefined) return;
    for (const problem of patternProblems(info.businessKeyPattern))
      report.problem(info.key, `business-key pattern '${info.businessKeyPattern}': ${problem}`);
  },
};

export const processRules: readonly ProcessRule[] = [processKey, startEvent, businessKeyPattern];
