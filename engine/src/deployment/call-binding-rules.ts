import { idOf, textOf } from './moddle-element';
import { type ProcessRule } from './validation-rule';

// The engine resolves the called process by key in the caller's district: its latest active
// version, or one version number. Camunda's deployment and versionTag bindings have no equivalent.
const calledElementBinding: ProcessRule = {
  name: 'called-element-binding',
  check({ model, report }) {
    for (const activity of model.nodesOfType('bpmn:CallActivity')) {
      const id = idOf(activity);
      const binding = textOf(activity, 'calledElementBinding') ?? 'latest';
      const version = textOf(activity, 'calledElementVersion');
      if (binding === 'version') {
        if (version === undefined || !/^[1-9]\d*$/.test(version))
          report.problem(
            id,
            `calledElementBinding="version" needs camunda:calledElementVersion, a version number such as 1; found ${version === undefined ? 'none' : `'${version}'`}`,
          );
      } else if (binding !== 'latest') {
        report.problem(
          id,
          `calledElementBinding="${binding}" is not supported; use "latest" (the default) or "version" with camunda:calledElementVersion`,
        );
      } else if (version !== undefined) {
        report.warning(
          id,
          'camunda:calledElementVersion is ignored unless calledElementBinding="version"',
        );
      }
      if (textOf(activity, 'calledElementTenantId') !== undefined)
        report.warning(
          id,
          "camunda:calledElementTenantId is ignored: the called process is always the caller's district's",
        );
    }
  },
};

export const callBindingRules: readonly ProcessRule[] = [calledElementBinding];
