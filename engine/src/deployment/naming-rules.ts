import { idOf, nameOf } from './moddle-element';
import { type ProcessRule } from './validation-rule';

// Names are what task lists, history and the designer show people; ids mean nothing to them.
const unnamedNodes: ProcessRule = {
  name: 'unnamed-nodes',
  check({ model, report }) {
    for (const node of model.flowNodes) {
      if (nameOf(node) === undefined) report.warning(idOf(node), `${node.$type} has no name`);
    }
  },
};

export const namingRules: readonly ProcessRule[] = [unnamedNodes];
