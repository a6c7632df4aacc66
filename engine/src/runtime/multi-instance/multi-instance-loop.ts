import type { LoopActivity, LoopDefinition, LoopMessage } from './loop-body';
import { ParallelBody } from './parallel-body';
import { SequentialBody } from './sequential-body';

/**
 * The engine's multi-instance loop characteristics, in place of bpmn-elements' own (see
 * compiled-definition.ts): the same behaviour and stored state, plus what moving tokens needs —
 * entering an activity over some elements or at a position, re-opening a completed element,
 * telling where a body stands (loop-position.ts). bpmn-elements creates one per activity
 * execution and hands it the body's execute message.
 */
export class MultiInstanceLoop {
  constructor(
    private readonly activity: LoopActivity,
    private readonly definition: LoopDefinition,
  ) {}

  execute(executeMessage: LoopMessage): void {
    const Body = this.definition.behaviour?.isSequential ? SequentialBody : ParallelBody;
    new Body(this.activity, this.definition, executeMessage).execute(executeMessage);
  }
}
