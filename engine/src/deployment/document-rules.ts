import { type DocumentRule } from './validation-rule';

const importWarnings: DocumentRule = {
  name: 'import-warnings',
  check(document, _ctx, report) {
    for (const { elementId, message, matters } of document.importWarnings) {
      if (matters) report.problem(elementId, message);
      else report.warning(elementId, message);
    }
  },
};

// The key of a deployment is its process id, so a file must say unambiguously which one runs;
// pools of other participants are documentation and stay non-executable.
const oneExecutableProcess: DocumentRule = {
  name: 'one-executable-process',
  check(document, _ctx, report) {
    const executable = document.parsed.processes.filter((process) => process.isExecutable);
    if (executable.length === 0) {
      report.problem(
        '',
        'the file has no executable process: mark the process isExecutable="true"',
      );
    } else if (executable.length > 1) {
      const keys = executable.map((process) => process.key).join(', ');
      report.problem(
        '',
        `the file has ${executable.length} executable processes (${keys}); deploy exactly one per file`,
      );
    }
  },
};

export const documentRules: readonly DocumentRule[] = [importWarnings, oneExecutableProcess];
