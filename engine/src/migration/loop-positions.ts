import { cloneData } from '../clone-data';
import { EngineError } from '../engine.error';
import { BpmnSession } from '../runtime/bpmn-session';
import type { TimerService } from '../runtime/durable-timer-event-definition';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import { iterationExecutionId, type LoopPosition } from '../runtime/multi-instance/loop-position';
import type { EnterSpec } from '../runtime/reposition';
import type { InstanceDoc } from '../storage/documents';
import type { ActivityMove } from './migration.types';

/** Where the multi-instance bodies being moved stand on the old version. */
export interface MovedLoops {
  /** Old activity id → its body's position. */
  positions: Map<string, LoopPosition>;
  /** Old element execution id → its loop index: the new element of that index takes its task over. */
  indexOf: Map<string, number>;
}

/**
 * Reads the positions of the multi-instance activities a migration moves, from the instance's
 * state on its old version: the position is held by the running body only, so the old state is
 * recovered into a session of its own, read, and dropped. Nothing of that session is kept.
 */
export async function movedLoops(
  old: LoadedDefinition,
  instance: Readonly<InstanceDoc>,
  timers: TimerService,
  activityIds: string[],
): Promise<MovedLoops> {
  const moved: MovedLoops = { positions: new Map(), indexOf: new Map() };
  if (activityIds.length === 0) return moved;
  const session = BpmnSession.create({
    definition: old.compiled,
    variables: cloneData(instance.variables),
    timers,
  });
  try {
    await session.recover(instance.state);
    for (const activityId of activityIds) {
      const position = session.loopPosition(activityId);
      moved.positions.set(activityId, position);
      for (const index of position.open)
        moved.indexOf.set(
          iterationExecutionId(position.bodyExecutionId, index, position.generation),
          index,
        );
    }
  } finally {
    session.stop();
  }
  return moved;
}

/** How each mapped activity is entered: a multi-instance one at its old body's position. */
export function entries(activities: ActivityMove[], loops: MovedLoops): (string | EnterSpec)[] {
  return activities.map(({ activityId, targetActivityId }) => {
    const position = loops.positions.get(activityId);
    if (!position) return targetActivityId;
    const { items, output, open, next, generation } = position;
    return { activityId: targetActivityId, loop: { items, output, open, next, generation } };
  });
}

/** A sequential body cannot resume as a parallel one, nor the other way round. */
export function assertSameKind(
  loops: MovedLoops,
  activities: ActivityMove[],
  isSequential: (targetActivityId: string) => boolean,
): void {
  for (const { activityId, targetActivityId } of activities) {
    const position = loops.positions.get(activityId);
    if (position && position.isSequential !== isSequential(targetActivityId))
      throw new EngineError(
        'INVALID_ARGUMENT',
        `${activityId} and ${targetActivityId} are not both sequential or both parallel`,
      );
  }
}
