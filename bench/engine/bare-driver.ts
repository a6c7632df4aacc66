import { EventEmitter } from 'node:events';
import BpmnModdle from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import serialize, { TypeResolver } from 'moddle-context-serializer';
import { type LatencySummary, runPool, summarize } from './stats';

export interface BareResult {
  elapsedMs: number;
  instances: number;
  completions: number;
  completion: LatencySummary;
}

interface WaitApi {
  signal(message?: unknown): void;
}

/**
 * The same BPMN on bpmn-engine alone, in memory: no persistence, no tasks, no history. The
 * definition is parsed once, as our engine caches its compiled definitions, so the comparison is
 * about what the durable engine adds per instance and per completion.
 */
export async function driveBareEngine(
  xml: string,
  instances: number,
  concurrency: number,
): Promise<BareResult> {
  const moddleContext = await new BpmnModdle().fromXML(xml);
  const sourceContext = serialize(moddleContext as never, TypeResolver(Elements as never));
  const completions: number[] = [];
  const began = performance.now();
  await runPool(instances, concurrency, async (index) => {
    const events = eventQueue<WaitApi | null>();
    const listener = new EventEmitter();
    listener.on('activity.wait', (api: WaitApi) => events.push(api));
    const engine = new Engine({ name: `bare-${index}`, sourceContext } as never);
    engine.once('end', () => events.push(null));
    await engine.execute({ listener } as never);
    for (let api = await events.next(); api;) {
      const t = performance.now();
      api.signal({ done: true });
      api = await events.next(); // the next task waits, or the process has ended
      completions.push(performance.now() - t);
    }
    engine.stop();
  });
  return {
    elapsedMs: performance.now() - began,
    instances,
    completions: completions.length,
    completion: summarize(completions),
  };
}

/** Events in arrival order, awaited one at a time. */
function eventQueue<T>() {
  const queued: T[] = [];
  let waiter: ((value: T) => void) | undefined;
  return {
    push(value: T) {
      if (waiter) {
        const resolve = waiter;
        waiter = undefined;
        resolve(value);
      } else queued.push(value);
    },
    next(): Promise<T> {
      if (queued.length > 0) return Promise.resolve(queued.shift() as T);
      return new Promise<T>((resolve) => (waiter = resolve));
    },
  };
}
