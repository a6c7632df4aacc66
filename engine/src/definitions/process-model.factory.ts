import type { ParsedProcess } from '../deployment';
import type { ProcessModel } from '../runtime/process-model';

/** The runtime's view of a parsed process, indexed by element id. */
export function toProcessModel(process: ParsedProcess): ProcessModel {
  return {
    key: process.key,
    name: process.name,
    startFormKey: process.startFormKey,
    userTasks: new Map(
      process.userTasks.map(({ multiInstance, ...task }) => [
        task.id,
        { ...task, elementVariable: multiInstance?.elementVariable },
      ]),
    ),
    serviceTasks: new Map(
      process.serviceTasks.map((t) => [
        t.id,
        { id: t.id, name: t.name, topic: t.topic, parameters: t.parameters },
      ]),
    ),
    timers: new Map(process.timers.map((t) => [t.elementId, { kind: t.kind, value: t.value }])),
    names: new Map(process.flowNodes.filter((n) => n.name).map((n) => [n.id, n.name!])),
    formKeys: process.formKeys,
    ...(process.businessKeyPattern && { businessKeyPattern: process.businessKeyPattern }),
  };
}
