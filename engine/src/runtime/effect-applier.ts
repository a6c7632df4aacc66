import type { JobRepository } from '../jobs';
import type { EngineStore } from '../storage/engine-store';
import { isDuplicateKey } from '../storage/engine-store';
import { deserializeEffects, type Effect } from './effects';

/** Applies committed effects idempotently, then clears the outbox they came from. */
export class EffectApplier {
  constructor(
    private readonly store: EngineStore,
    private readonly jobs: JobRepository,
  ) {}

  async applyOutbox(instanceId: string, outbox: string): Promise<void> {
    await this.apply(deserializeEffects(outbox));
    // Conditional on the same outbox: a newer step may already have committed its own.
    await this.store.instances.updateOne({ _id: instanceId, outbox }, { $set: { outbox: null } });
  }

  async apply(effects: Effect[]): Promise<void> {
    for (const effect of effects) await this.applyOne(effect);
  }

  private async applyOne(effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'task.create':
        try {
          await this.store.tasks.insertOne(effect.task);
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        return;
      case 'task.close':
        await this.store.tasks.updateOne(
          { _id: effect.taskId, status: 'open' },
          {
            $set: {
              status: effect.status,
              completedAt: effect.at,
              ...(effect.by && { completedBy: effect.by }),
              ...(effect.output && { output: effect.output }),
            },
          },
        );
        return;
      case 'job.schedule':
        await this.jobs.schedule({ ...effect.job, maxAttempts: effect.job.maxAttempts ?? 3 });
        return;
      case 'job.cancel':
        await this.jobs.cancel(effect.jobId);
        return;
      case 'job.reschedule':
        await this.jobs.reschedule(effect.jobId, effect.dueAt);
        return;
      case 'history':
        if (effect.events.length === 0) return;
        try {
          await this.store.history.insertMany(effect.events, { ordered: false });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        return;
    }
  }
}
