import { childrenOf, idOf, type ModdleElement } from './moddle-element';

/**
 * One bpmn:process flattened for the rules: every flow element at any depth, and the sequence-flow
 * graph worked out from sourceRef/targetRef (hand-written files often omit bpmn:incoming/outgoing).
 */
export class ProcessModel {
  readonly key: string;
  readonly flowElements: readonly ModdleElement[];
  readonly flowNodes: readonly ModdleElement[];
  readonly sequenceFlows: readonly ModdleElement[];
  private readonly parents = new Map<ModdleElement, ModdleElement>();
  private readonly incomingFlows = new Map<ModdleElement, ModdleElement[]>();
  private readonly outgoingFlows = new Map<ModdleElement, ModdleElement[]>();

  constructor(readonly element: ModdleElement) {
    this.key = idOf(element);
    const all: ModdleElement[] = [];
    this.collect(element, all);
    this.flowElements = all;
    this.flowNodes = all.filter((el) => el.$instanceOf('bpmn:FlowNode'));
    this.sequenceFlows = all.filter((el) => el.$type === 'bpmn:SequenceFlow');
    for (const flow of this.sequenceFlows) {
      append(this.outgoingFlows, flow['sourceRef'], flow);
      append(this.incomingFlows, flow['targetRef'], flow);
    }
  }

  /** Flow nodes whose type is exactly one of the given moddle types. */
  nodesOfType(...types: string[]): ModdleElement[] {
    return this.flowNodes.filter((node) => types.includes(node.$type));
  }

  /** Flow nodes placed directly in the process, not inside a sub-process. */
  topLevelNodes(): ModdleElement[] {
    return this.flowNodes.filter((node) => !this.parents.has(node));
  }

  /** The enclosing sub-process, if any. */
  parentOf(element: ModdleElement): ModdleElement | undefined {
    return this.parents.get(element);
  }

  incoming(node: ModdleElement): readonly ModdleElement[] {
    return this.incomingFlows.get(node) ?? [];
  }

  outgoing(node: ModdleElement): readonly ModdleElement[] {
    return this.outgoingFlows.get(node) ?? [];
  }

  private collect(container: ModdleElement, into: ModdleElement[]): void {
    for (const child of childrenOf(container, 'flowElements')) {
      if (container !== this.element) this.parents.set(child, container);
      into.push(child);
      // Transactions and ad-hoc sub-processes are sub-processes too; their contents still count.
      if (child.$instanceOf('bpmn:SubProcess')) this.collect(child, into);
    }
  }
}

function append(map: Map<ModdleElement, ModdleElement[]>, key: unknown, flow: ModdleElement): void {
  if (typeof key !== 'object' || key === null) return;
  const node = key as ModdleElement;
  const list = map.get(node);
  if (list) list.push(flow);
  else map.set(node, [flow]);
}
