import type { JobRepository } from '../jobs';
import type { EngineStore } from '../storage/engine-store';
import { isDuplicateKey } from '../storage/engine-store';
import { deserializeEffects, type Effect } from './effects';
import { HistoryWriter } from '../events/history-writer';
import { systemClock } from '../clock';
import type { TaskWrite } from '../storage/tasks/task.repository';
import { taskChangeOf } from './task-effects';

/** Applies committed effects idempotently, then clears the outbox they came from. */
export class EffectApplier {
  constructor(
    private readonly store: EngineStore,
    private readonly jobs: JobRepository,
    /** Inserts history with feed keys and notifies event listeners. */
    private readonly history = new HistoryWriter(
      store.history,
      store.feed,
      store.feedDirectory,
      systemClock,
    ),
  ) {}

  async applyOutbox(instanceId: string, outbox: string): Promise<void> {
    await this.apply(deserializeEffects(outbox));
    // Conditional on the same outbox: a newer step may already have committed its own.
    await this.store.instances.updateOne({ _id: instanceId, outbox }, { $set: { outbox: null } });
  }

  /**
   * In order; consecutive writes of distinct tasks go together, so their inbox-list changes are
   * one insert (tasks/mongo-task.repository.ts).
   */
  async apply(effects: Effect[]): Promise<void> {
    let batch: TaskWrite[] = [];
    const ids = new Set<string>();
    const flush = async () => {
      if (batch.length > 0) await this.store.taskRepository.applyAll(batch);
      batch = [];
      ids.clear();
    };
    for (const effect of effects) {
      const write = taskWriteOfEffect(effect);
      if (write) {
        const id = 'create' in write ? write.create._id : write.change.taskId;
        if (ids.has(id)) await flush();
        batch.push(write);
        ids.add(id);
        continue;
      }
      await flush();
      await this.applyOne(effect);
    }
    await flush();
  }

  private async applyOne(effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'task.create':
      case 'task.close':
      case 'task.update':
        await this.store.taskRepository.applyAll([taskWriteOfEffect(effect)!]);
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
      case 'subscription.open':
        try {
          await this.store.subscriptions.insertOne(effect.subscription);
        } catch (error) {
          if (!isDuplicateKey(error)) throw error; // opened already, or closed already (tombstone)
        }
        return;
      case 'subscription.close':
        // An upsert leaves a tombstone even when the open was never applied, so a late re-apply
        // of the outbox that opened it fails on the duplicate id instead of reopening it.
        await this.store.subscriptions.updateOne(
          { _id: effect.subscriptionId },
          { $set: { open: false, closedAt: effect.at } },
          { upsert: true },
        );
        return;
      case 'history':
        await this.history.append(effect.events);
        return;
    }
  }
}

/** A task effect as a repository write; task writes are guarded by the deciding revision (tasks/task-writes.ts). */
function taskWriteOfEffect(effect: Effect): TaskWrite | undefined {
  if (effect.type === 'task.create') return { create: effect.task };
  if (effect.type === 'task.close' || effect.type === 'task.update')
    return { change: taskChangeOf(effect) };
  return undefined;
}
