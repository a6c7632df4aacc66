import { EngineError } from '../../engine.error';
import { LoopBody, type LoopMessage, numberOr } from './loop-body';
import { iterationExecutionId, type LoopPosition } from './loop-position';

/**
 * A sequential multi-instance body: one iteration at a time, in the order of its items, until
 * none is left or the completion condition holds. `index` on its state is the place of the
 * running item.
 */
export class SequentialBody extends LoopBody {
  private current?: { place: number; executionId: string };

  execute(message: LoopMessage): void {
    if (this.items.length === 0) return this.complete();
    this.subscribe();
    const { content, fields } = message;
    if (fields.redelivered) {
      this.generation = numberOr(content.generation, 0);
      const place = fields.routingKey === 'execute.iteration.next' ? numberOr(content.index, 0) : 0;
      // the running iteration recovers from its own message: starting it again is ignored
      this.startAt(place, true);
      return;
    }
    const open = this.entry?.open;
    if (open) {
      this.generation = this.entry?.generation ?? 0;
      const place = open.length > 0 ? this.positionOf(open[0]) : (this.entry?.next ?? 0);
      if (place < 0) throw new EngineError('CONFLICT', `element ${open[0]} is not in the loop`);
      if (!this.startAt(place)) this.complete();
      return;
    }
    this.startAt(0);
  }

  position(): LoopPosition {
    return this.positionWith(this.current ? this.current.place + 1 : this.items.length);
  }

  /** The running iteration is left quietly and the element runs again; those after it follow. */
  reopen(index: number): string {
    const place = this.positionOf(index);
    const running = this.current;
    if (!running || place < 0 || place >= running.place)
      throw new EngineError(
        'CONFLICT',
        `element ${index} of ${this.activity.id} does not come before the running one`,
      );
    this.superseded.add(running.executionId);
    delete this.output[index];
    this.generation++;
    // start first: with the body alone postponed, leaving the iteration would discard the body
    this.startAt(place);
    this.activity.broker.publish(
      'api',
      `activity.discard.${running.executionId}`,
      { executionId: running.executionId },
      { type: 'discard' },
    );
    return this.current!.executionId;
  }

  protected onIterationEnd(_routingKey: string, message: LoopMessage): void {
    const { content } = message;
    if (this.superseded.delete(String(content.executionId))) return;
    const index = Number(content.index);
    if (content.output !== undefined) this.output[index] = content.output;
    this.publishState('execute.iteration.completed', {
      index: this.positionOf(index),
      output: this.output.slice(),
      state: 'iteration.completed',
    });
    if (!this.completionConditionMet(message) && this.startAt(this.positionOf(index) + 1)) return;
    this.complete();
  }

  private startAt(place: number, ignoreIfExecuting = false): boolean {
    const item = this.items[place];
    if (!item) return false;
    const executionId = iterationExecutionId(this.bodyExecutionId, item.index, this.generation);
    this.current = { place, executionId };
    this.publishState('execute.iteration.next', {
      index: place,
      output: this.output.slice(),
      state: 'iteration.next',
    });
    this.startIteration(item, { ignoreIfExecuting });
    return true;
  }
}
