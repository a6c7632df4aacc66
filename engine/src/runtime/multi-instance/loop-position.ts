import { EngineError } from '../../engine.error';

/** One element a multi-instance body runs: its place in the collection and the element itself. */
export interface LoopItem {
  /** The loop index (loopCounter): the element's place in the collection the body was entered with. */
  index: number;
  /** The collection element; absent for a loop that only counts (loopCardinality). */
  element?: unknown;
}

/**
 * Where a multi-instance body stands, as the loop itself sees it: enough to enter the activity
 * again at the same point (a migration) or to tell which elements are done.
 */
export interface LoopPosition {
  bodyExecutionId: string;
  isSequential: boolean;
  /** Every element the body runs, in order. */
  items: LoopItem[];
  /** Iteration outputs by loop index; completion conditions count what is set. */
  output: unknown[];
  /** Loop indexes whose iteration runs now (sequential: at most one). */
  open: number[];
  /** Place in `items` of the first element not started yet. */
  next: number;
  /** How often elements were re-opened in this body; part of every later iteration's execution id. */
  generation: number;
}

/**
 * How a multi-instance activity is entered other than by a token arriving: carried on the body's
 * run message (and so in its stored state), read by the loop instead of evaluating the collection.
 * Only `items`: a new body over just these elements (re-opening some elements of a completed
 * activity). With `open`: the body resumes a position taken from another body (a migration).
 */
export interface LoopEntry {
  items: LoopItem[];
  output?: unknown[];
  open?: number[];
  next?: number;
  generation?: number;
}

/** The key of the body's run message content that holds its LoopEntry. */
export const LOOP_ENTRY = 'engineLoopEntry';

/** What the session may ask of a running multi-instance body. */
export interface LoopControl {
  position(): LoopPosition;
  /**
   * Runs a completed element again inside the body: its output is forgotten until it completes
   * again. Parallel: one more iteration runs beside the others. Sequential: only an element before
   * the running one, whose iteration is left, and the elements after it run again in order.
   * Returns the new iteration's execution id.
   */
  reopen(index: number): string;
}

export const LOOP_SERVICE = 'engine.loops';

/** The running multi-instance bodies of one session, by body execution id. */
export class LoopRegistry {
  private readonly bodies = new Map<string, LoopControl>();

  register(bodyExecutionId: string, control: LoopControl): void {
    this.bodies.set(bodyExecutionId, control);
  }

  unregister(bodyExecutionId: string): void {
    this.bodies.delete(bodyExecutionId);
  }

  get(bodyExecutionId: string): LoopControl {
    const control = this.bodies.get(bodyExecutionId);
    if (!control)
      throw new EngineError('CONFLICT', `multi-instance body ${bodyExecutionId} is not running`);
    return control;
  }
}

/** An iteration's execution id: as bpmn-elements names it, marked by generation once re-opened. */
export function iterationExecutionId(
  bodyExecutionId: string,
  index: number,
  generation: number,
): string {
  return generation > 0
    ? `${bodyExecutionId}_${index}_${generation}`
    : `${bodyExecutionId}_${index}`;
}
