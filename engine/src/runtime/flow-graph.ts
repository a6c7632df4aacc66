import { extensionProperty, readBpmnDocument } from '../deployment/bpmn-parser';
import {
  childOf,
  eventDefinitionsOf,
  idOf,
  type ModdleElement,
} from '../deployment/moddle-element';
import { EngineError } from '../engine.error';
import type { DeploymentDoc } from '../storage/documents';

/** One flow node as the token-moving features see it. */
export interface FlowNode {
  id: string;
  /** The moddle type, e.g. 'bpmn:UserTask'. */
  type: string;
  /** The enclosing sub-process; absent for nodes directly in the process. */
  parentId?: string;
  /** For a boundary event: the activity it is attached to. */
  attachedTo?: string;
  multiInstance: boolean;
  /**
   * False when the element's `camunda:property name="returnable" value="false"` says its tasks
   * may not be returned (退回), e.g. where the process has a return of its own with its own rules.
   */
  returnable: boolean;
  /** Event definition types, e.g. ['bpmn:TimerEventDefinition']. */
  eventKinds: string[];
}

/** The element property that switches 退回 off for a user task's tasks. */
export const RETURNABLE_PROPERTY = 'returnable';

/** Gateways that split or join several tokens: moving a token across one changes how many there are. */
const TOKEN_GATEWAYS = new Set([
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:ComplexGateway',
]);

/**
 * The sequence-flow graph of a deployment's executable process, for questions like "does task A
 * lie before task B" (return targets) and "what kind of element is this" (migration mappings).
 * A boundary event counts as following the activity it is attached to.
 */
export class FlowGraph {
  private readonly nodes = new Map<string, FlowNode>();
  private readonly next = new Map<string, string[]>();
  private readonly previous = new Map<string, string[]>();

  private constructor() {}

  static async fromXml(xml: string): Promise<FlowGraph> {
    const document = await readBpmnDocument(xml);
    const executable = document.models.find(({ info }) => info.isExecutable);
    if (!executable) throw new EngineError('NOT_FOUND', 'the definition has no executable process');
    const graph = new FlowGraph();
    const { model } = executable;
    for (const node of model.flowNodes) {
      const attachedTo = idOf(childOf(node, 'attachedToRef')) || undefined;
      graph.nodes.set(idOf(node), {
        id: idOf(node),
        type: node.$type,
        ...(model.parentOf(node) && { parentId: idOf(model.parentOf(node)) }),
        ...(attachedTo && { attachedTo }),
        multiInstance: isMultiInstance(node),
        returnable: extensionProperty(node, RETURNABLE_PROPERTY) !== 'false',
        eventKinds: eventDefinitionsOf(node)
          .map((definition) => definition.$type)
          .sort(),
      });
      if (attachedTo) graph.link(attachedTo, idOf(node));
    }
    for (const flow of model.sequenceFlows)
      graph.link(idOf(childOf(flow, 'sourceRef')), idOf(childOf(flow, 'targetRef')));
    return graph;
  }

  node(id: string): FlowNode | undefined {
    return this.nodes.get(id);
  }

  /** Ids of the nodes on some path from `from` to `to`, both included; empty when none leads there. */
  between(from: string, to: string): Set<string> {
    const ahead = this.reach(from, this.next);
    if (!ahead.has(to)) return new Set();
    const behind = this.reach(to, this.previous);
    return new Set([...ahead].filter((id) => behind.has(id)));
  }

  /** Whether the node splits or joins tokens (parallel, inclusive, complex gateway). */
  isTokenGateway(id: string): boolean {
    return TOKEN_GATEWAYS.has(this.nodes.get(id)?.type ?? '');
  }

  /** Sources of the node's incoming sequence flows (and the host, for a boundary event). */
  predecessors(id: string): readonly string[] {
    return this.previous.get(id) ?? [];
  }

  private link(source: string, target: string): void {
    if (!source || !target) return;
    append(this.next, source, target);
    append(this.previous, target, source);
  }

  private reach(start: string, edges: Map<string, string[]>): Set<string> {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const id of edges.get(queue.pop()!) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        queue.push(id);
      }
    }
    return seen;
  }
}

function isMultiInstance(node: ModdleElement): boolean {
  return childOf(node, 'loopCharacteristics')?.$type === 'bpmn:MultiInstanceLoopCharacteristics';
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Flow graphs by deployment id: deployments never change, so each is read once. */
export class FlowGraphCache {
  private readonly graphs = new Map<string, Promise<FlowGraph>>();

  constructor(private readonly limit = 200) {}

  get(deployment: Pick<DeploymentDoc, '_id' | 'xml'>): Promise<FlowGraph> {
    let graph = this.graphs.get(deployment._id);
    if (!graph) {
      graph = FlowGraph.fromXml(deployment.xml);
      graph.catch(() => this.graphs.delete(deployment._id));
      this.graphs.set(deployment._id, graph);
      if (this.graphs.size > this.limit)
        this.graphs.delete(this.graphs.keys().next().value as string);
    }
    return graph;
  }
}
