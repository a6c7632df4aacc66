import { nextTimerDue, type TimerKind, type WorkingCalendar } from '../calendar';
import type { Clock } from '../clock';
import type { Job, JobRepository, NewJob } from '../jobs';
import { startByEvent } from '../messages/start-events';
import { deterministicId } from '../runtime/deterministic-id';
import { eventCatalogOf, type StartEventInfo } from '../runtime/event-catalog';
import type { InstanceRunner } from '../runtime/instance-runner';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import type { DeploymentDoc } from '../storage/documents';
import type { EngineStore } from '../storage/engine-store';

export const TIMER_START_JOB = 'timer-start';

export interface TimerStartDeps {
  store: EngineStore;
  jobs: JobRepository;
  runner: InstanceRunner;
  clock: Clock;
  definition(definitionId: string): Promise<LoadedDefinition>;
  calendar(district: string): Promise<WorkingCalendar>;
}

interface TimerStartPayload {
  district: string;
  processKey: string;
  definitionId: string;
  startEventId: string;
  kind: TimerKind;
  value: string;
  dueAt: string;
  /** Occurrences of this timer before this one, skipped ones included (bounded cycles count them). */
  firedCount: number;
}

// a cycle whose start lies years back steps through its occurrences; this bounds the walk
const MAX_SKIPPED_OCCURRENCES = 100_000;

/**
 * Timer start events: one job per pending occurrence, for the latest active version of each
 * process only. The job's id is its occurrence (definition, start event, due time), so scheduling
 * it twice is harmless, and the instance it starts takes its id from the occurrence, so a job run
 * again after a crash starts nothing new; the job store leases each job to one scheduler at a time.
 * Firing schedules the next occurrence after now — after downtime, the missed occurrences are
 * skipped and the timer fires once, not once per missed occurrence.
 */
export class TimerStartSchedule {
  constructor(private readonly deps: TimerStartDeps) {}

  /**
   * Makes the schedule of one process follow its latest active version: call after deploying,
   * activating or deactivating a version. Jobs of other versions are cancelled (and would start
   * nothing if they ran: each job checks it still belongs to the latest active version).
   */
  async sync(district: string, processKey: string): Promise<void> {
    const latest = await this.latestActive(district, processKey);
    const wanted = latest ? await this.timerStarts(latest) : [];
    const known = (await this.deps.jobs.find({ kind: TIMER_START_JOB, district })).filter(
      (job) => job.payload.processKey === processKey,
    );
    const pending = known.filter(
      (job) => job.status === 'pending' || job.status === 'running' || job.status === 'incident',
    );
    const belongs = (job: Job) =>
      latest !== null &&
      job.payload.definitionId === latest._id &&
      wanted.some((start) => start.elementId === job.payload.startEventId);
    for (const job of pending) if (!belongs(job)) await this.deps.jobs.cancel(job.id);
    if (!latest) return;
    const calendar = await this.deps.calendar(district);
    const jobs: NewJob[] = [];
    for (const start of wanted) {
      if (pending.some((job) => belongs(job) && job.payload.startEventId === start.elementId))
        continue;
      const first = nextOccurrence(start, calendar, this.deps.clock.now(), 0);
      if (!first) continue;
      // a version deactivated and activated again finds its next occurrence's job cancelled:
      // that id is spent, so the occurrence is scheduled again under a numbered one
      const job = occurrenceJob(latest, start, first);
      const spent = known.filter((k) => k.id === job.id || k.id.startsWith(`${job.id}~`)).length;
      jobs.push(spent === 0 ? job : { ...job, id: `${job.id}~${spent}` });
    }
    await this.deps.jobs.scheduleMany(jobs);
  }

  /** sync() for every process of every district; run at start-up, it repairs what a crash between deploying and scheduling left. */
  async syncAll(): Promise<void> {
    const headers = await this.deps.store.deployments
      .find({}, { projection: { district: 1, key: 1 } })
      .toArray();
    const processes = new Map(headers.map((h) => [`${h.district}\u0000${h.key}`, h]));
    for (const { district, key } of processes.values()) await this.sync(district, key);
  }

  /** The job handler: schedules the next occurrence, then starts the instance. */
  readonly fire = async (job: Job): Promise<void> => {
    const due = job.payload as unknown as TimerStartPayload;
    const latest = await this.latestActive(due.district, due.processKey);
    if (!latest || latest._id !== due.definitionId) return; // replaced or deactivated meanwhile
    const loaded = await this.deps.definition(due.definitionId);
    const start = (await eventCatalogOf(loaded.deployment)).starts.find(
      (s) => s.elementId === due.startEventId && s.timer,
    );
    if (!start) return;
    // the next occurrence first: an instance that fails to start must not end the schedule
    const calendar = await this.deps.calendar(due.district);
    const now = this.deps.clock.now();
    const next = nextOccurrence(start, calendar, now, due.firedCount + 1, new Date(due.dueAt));
    if (next) await this.deps.jobs.schedule(occurrenceJob(loaded.deployment, start, next));
    // the occurrence, not the job, names the instance: two jobs for one occurrence start one
    await startByEvent(
      this.deps.runner,
      { loaded, start },
      { variables: {}, instanceId: deterministicId(job.id.replace(/~\d+$/, '')) },
    );
  };

  private async latestActive(district: string, key: string): Promise<DeploymentDoc | null> {
    return this.deps.store.deployments
      .find({ district, key, active: true })
      .sort({ version: -1 })
      .limit(1)
      .next();
  }

  private async timerStarts(deployment: DeploymentDoc): Promise<StartEventInfo[]> {
    const loaded = await this.deps.definition(deployment._id);
    return (await eventCatalogOf(loaded.deployment)).starts.filter((s) => s.timer !== undefined);
  }
}

interface Occurrence {
  dueAt: Date;
  firedCount: number;
}

/**
 * The first occurrence of the timer that is still to come. Without a previous occurrence that is
 * the timer's first (a timeDate already past fires at once); after one, the first one after now,
 * counting the skipped ones.
 */
function nextOccurrence(
  start: StartEventInfo,
  calendar: WorkingCalendar,
  now: Date,
  firedCount: number,
  previousDueAt?: Date,
): Occurrence | null {
  const timer = start.timer!;
  let previous = previousDueAt;
  let count = firedCount;
  for (let skipped = 0; skipped < MAX_SKIPPED_OCCURRENCES; skipped++) {
    const next = nextTimerDue(timer, { now, calendar, previousDueAt: previous, firedCount: count });
    if (!next) return null;
    if (previous === undefined || next.dueAt.getTime() > now.getTime())
      return { dueAt: next.dueAt, firedCount: count };
    previous = next.dueAt;
    count++;
  }
  return null;
}

function occurrenceJob(
  deployment: DeploymentDoc,
  start: StartEventInfo,
  occurrence: Occurrence,
): NewJob {
  const payload: TimerStartPayload = {
    district: deployment.district,
    processKey: deployment.key,
    definitionId: deployment._id,
    startEventId: start.elementId,
    kind: start.timer!.kind,
    value: start.timer!.value,
    dueAt: occurrence.dueAt.toISOString(),
    firedCount: occurrence.firedCount,
  };
  return {
    id: `timer-start:${deployment._id}:${start.elementId}:${payload.dueAt}`,
    kind: TIMER_START_JOB,
    district: deployment.district,
    dueAt: occurrence.dueAt,
    payload: { ...payload },
  };
}
