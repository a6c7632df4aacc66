import { EngineError } from '../../engine.error';
import { LoopBody, type LoopMessage, numberOr } from './loop-body';
import type { LoopPosition } from './loop-position';

/**
 * A parallel multi-instance body: iterations start in batches (bpmn-elements' `batchSize`, 50 by
 * default), the body completes when none runs and none is left, or when its completion condition
 * holds after an iteration ends. `index` on its state is the place of the next item to start.
 */
export class ParallelBody extends LoopBody {
  private next = 0;
  private running = 0;
  private discarded = 0;

  execute(message: LoopMessage): void {
    if (this.items.length === 0) return this.complete();
    this.subscribe();
    const { content, fields } = message;
    if (fields.redelivered && typeof content.running === 'number') {
      // iterations recover from their own messages; only the counts are the body's
      this.next = numberOr(content.index, 0);
      this.running = content.running;
      this.discarded = numberOr(content.discarded, 0);
      this.generation = numberOr(content.generation, 0);
      return;
    }
    if (!fields.redelivered && this.entry?.open) return this.resume(this.entry.open);
    this.startBatch();
  }

  position(): LoopPosition {
    return this.positionWith(this.next);
  }

  reopen(index: number): string {
    const item = this.itemAt(index);
    if (this.positionOf(index) >= this.next || this.openIndexes().includes(index))
      throw new EngineError('CONFLICT', `element ${index} of ${this.activity.id} is not done`);
    delete this.output[index];
    this.generation++;
    this.running++;
    this.recordCounts('execute.iteration.batch');
    return this.startIteration(item);
  }

  protected onIterationEnd(routingKey: string, message: LoopMessage): void {
    const { content } = message;
    if (this.superseded.delete(String(content.executionId))) return;
    if (content.output !== undefined) this.output[Number(content.index)] = content.output;
    if (routingKey === 'execute.discard') this.discarded++;
    this.running--;
    this.recordCounts('execute.iteration.completed', { state: 'iteration.completed' });

    const allDiscarded = this.discarded === this.next;
    if (this.running <= 0 && this.next >= this.items.length) return this.complete(allDiscarded);
    if (this.completionConditionMet(message)) return this.complete(allDiscarded);
    if (this.running <= 0) {
      this.running = 0;
      this.startBatch();
    }
  }

  private startBatch(): void {
    const batchSize = this.activity.environment.settings.batchSize || 50;
    const batch = [];
    do {
      batch.push(this.items[this.next]);
      this.running++;
      this.next++;
    } while (this.next < this.items.length && this.running < batchSize);
    this.recordCounts('execute.iteration.batch');
    for (const item of batch) this.startIteration(item);
  }

  /** Entered at a position taken from another body: the iterations that ran there run again. */
  private resume(open: number[]): void {
    const items = open.map((index) => this.itemAt(index));
    this.generation = this.entry?.generation ?? 0;
    this.next = this.entry?.next ?? this.items.length;
    if (items.length === 0) {
      if (this.next >= this.items.length) return this.complete();
      return this.startBatch();
    }
    this.running = items.length;
    this.recordCounts('execute.iteration.batch');
    for (const item of items) this.startIteration(item);
  }

  private recordCounts(routingKey: string, extra: Record<string, unknown> = {}): void {
    this.publishState(routingKey, {
      index: this.next,
      running: this.running,
      discarded: this.discarded,
      output: this.output,
      ...extra,
    });
  }
}
