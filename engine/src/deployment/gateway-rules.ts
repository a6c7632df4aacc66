import { childOf, idOf, type ModdleElement } from './moddle-element';
import { type ProcessModel } from './process-model';
import { type ProcessRule } from './validation-rule';

const inclusiveJoin: ProcessRule = {
  name: 'inclusive-join',
  check({ model, report }) {
    for (const gateway of model.nodesOfType('bpmn:InclusiveGateway')) {
      if (model.incoming(gateway).length > 1) {
        report.problem(
          idOf(gateway),
          'converging inclusive gateways (more than one incoming flow) are not supported: bpmn-engine joins them wrongly',
        );
      }
    }
  },
};

// bpmn-engine's parallel join counts arrivals per incoming flow; an exclusive merge straight in
// front of it makes that count wrong, so the join deadlocks or fires early.
const parallelJoinAfterExclusiveMerge: ProcessRule = {
  name: 'parallel-join-after-exclusive-merge',
  check({ model, report }) {
    for (const gateway of model.nodesOfType('bpmn:ParallelGateway')) {
      const incoming = model.incoming(gateway);
      if (incoming.length < 2) continue;
      const merges = incoming
        .map((flow) => childOf(flow, 'sourceRef'))
        .filter((source): source is ModdleElement => isExclusiveMerge(model, source));
      for (const merge of new Set(merges)) {
        report.problem(
          idOf(gateway),
          `parallel join fed directly by exclusive merge gateway '${idOf(merge)}' is not supported: bpmn-engine deadlocks or joins wrongly here; merge the branches differently`,
        );
      }
    }
  },
};

function isExclusiveMerge(model: ProcessModel, node: ModdleElement | undefined): boolean {
  return node?.$type === 'bpmn:ExclusiveGateway' && model.incoming(node).length > 1;
}

// Without a condition bpmn-engine takes the flow unconditionally, which silently turns a
// decision into "always"; only the default flow may go without one.
const splitConditions: ProcessRule = {
  name: 'split-conditions',
  check({ model, report }) {
    for (const gateway of model.nodesOfType('bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway')) {
      const outgoing = model.outgoing(gateway);
      if (outgoing.length < 2) continue;
      const defaultFlow = childOf(gateway, 'default');
      for (const flow of outgoing) {
        if (flow === defaultFlow || childOf(flow, 'conditionExpression')) continue;
        report.problem(
          idOf(flow),
          `flow '${idOf(flow)}' leaves gateway '${idOf(gateway)}' without a condition; give it one or make it the gateway's default flow`,
        );
      }
    }
  },
};

export const gatewayRules: readonly ProcessRule[] = [
  inclusiveJoin,
  parallelJoinAfterExclusiveMerge,
  splitConditions,
];
