import BpmnModdle from 'bpmn-moddle';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json';
import type { OutlineElement } from '../templates/template-diff.types';
import { type MessageUse, messageUses } from './bpmn-messages';

export type { OutlineElement };

/**
 * What the HTTP modules read from a definition beyond what the engine exposes: who may start it
 * (the candidate-starter convention, engine/README.md), its elements (template diffs), its start
 * form and the messages it waits for or sends (the designer's pickers).
 */
export interface BpmnOutline {
  key: string;
  name?: string;
  /** `camunda:candidateStarterGroups`: role keys whose holders may start the process. */
  starterGroups: string[];
  /** `camunda:candidateStarterUsers`: user ids who may start the process. */
  starterUsers: string[];
  /** A none start event directly in the process: `startInstance` can start it. */
  hasNoneStart: boolean;
  elements: OutlineElement[];
  /** `camunda:formKey` of the none start event directly in the process. */
  startFormKey?: string;
  messages: MessageUse[];
}

interface Element {
  $type: string;
  id?: unknown;
  name?: unknown;
  isExecutable?: unknown;
  candidateStarterGroups?: unknown;
  candidateStarterUsers?: unknown;
  flowElements?: unknown;
  eventDefinitions?: unknown;
  triggeredByEvent?: unknown;
  formKey?: unknown;
  messageRef?: unknown;
}

/** Reads the executable process of a BPMN file; undefined when it does not parse or has none. */
export async function readBpmnOutline(xml: string): Promise<BpmnOutline | undefined> {
  let root: unknown;
  try {
    root = (await new BpmnModdle({ camunda: camundaDescriptor }).fromXML(xml)).rootElement;
  } catch {
    return undefined;
  }
  const processes = listOf((root as { rootElements?: unknown } | undefined)?.rootElements).filter(
    (element) => element.$type === 'bpmn:Process' && element.isExecutable === true,
  );
  const process = processes[0];
  if (!process || typeof process.id !== 'string') return undefined;
  const flowElements = listOf(process.flowElements);
  const noneStart = flowElements.find(
    (element) =>
      element.$type === 'bpmn:StartEvent' && listOf(element.eventDefinitions).length === 0,
  );
  const startFormKey = text(noneStart?.formKey);
  return {
    key: process.id,
    ...(text(process.name) && { name: text(process.name) }),
    starterGroups: csv(process.candidateStarterGroups),
    starterUsers: csv(process.candidateStarterUsers),
    hasNoneStart: noneStart !== undefined,
    elements: collectElements(flowElements),
    ...(startFormKey && { startFormKey }),
    messages: messageUses(flowElements),
  };
}

function collectElements(flowElements: Element[]): OutlineElement[] {
  const out: OutlineElement[] = [];
  for (const element of flowElements) {
    if (typeof element.id !== 'string') continue;
    const type = element.$type.replace(/^bpmn:/, '');
    const name = text(element.name);
    out.push({
      id: element.id,
      type: type[0].toLowerCase() + type.slice(1),
      ...(name && { name }),
    });
    out.push(...collectElements(listOf(element.flowElements)));
  }
  return out;
}

function listOf(value: unknown): Element[] {
  return Array.isArray(value)
    ? value.filter(
        (item): item is Element =>
          typeof item === 'object' && item !== null && typeof item.$type === 'string',
      )
    : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function csv(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : [];
}
