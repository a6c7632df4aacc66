import { hostname } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { type AssignmentResolver, AssignmentResolvers, builtInResolvers } from './assignment';
import { type CalendarData, CHINA_MAINLAND_CALENDAR, WorkingCalendar } from './calendar';
import { type Clock, systemClock } from './clock';
import {
  DefinitionService,
  type DeployOptions,
  type FormCatalog,
  type ValidationReport,
} from './definitions/definition.service';
import { CrossInstanceEvents } from './cross-instance-events';
import { EngineError } from './engine.error';
import {
  type EngineEventListener,
  EventFeed,
  HistoryWriter,
  historyOfUser,
  type UserHistoryQuery,
} from './events';
import { HandlerRegistry, type ServiceHandler, setVariablesHandler } from './handlers';
import { type Job, JobRepository, JobScheduler } from './jobs';
import { MigrationService } from './migration';
import { EffectApplier } from './runtime/effect-applier';
import { FlowGraphCache } from './runtime/flow-graph';
import { eventCatalogOf } from './runtime/event-catalog';
import { BusinessKeyIssuer } from './business-keys/business-key-issuer';
import { InstanceRunner } from './runtime/instance-runner';
import { TIMER_JOB } from './runtime/step-derivation';
import type { StepHook } from './runtime/step-hooks';
import type { BroadcastSignalRequest, SignalBroadcast } from './messages';
import type { CorrelateMessageRequest, CorrelationResult } from './messages';
import { calledProcessWarnings } from './subprocesses';
import { serviceJobHandler, timerJobHandler } from './runtime/job-handlers';
import {
  type PruneRevisionsOptions,
  type PruneRevisionsResult,
  RevisionPruner,
} from './runtime/revision-pruner';
import type { KeysetPage } from './storage/keyset-page';
import { taskDueJobHandler } from './tasks/task-due';
import { TASK_DUE_JOB } from './runtime/task-effects';
import { instancesWithUnwrittenClaims } from './runtime/unwritten-claims';
import type {
  DeploymentDoc,
  HistoryDoc,
  InstanceDoc,
  InstanceStatus,
  SubscriptionDoc,
} from './storage/documents';
import { EngineStore } from './storage/engine-store';
import { storableDataValidator, type TaskDataValidator } from './tasks/task-data-validator';
import { TaskService } from './tasks/task.service';
import { TaskRetrieval } from './tasks/task-retrieve';
import { TaskReturns } from './tasks/task-return';

export interface ProcessEngineOptions {
  /** An open mongoose connection; the engine never opens or closes it. */
  connection: Connection;
  clock?: Clock;
  /** Unique per process for job leases; defaults to host:pid:random. */
  owner?: string;
  handlers?: ServiceHandler[];
  resolvers?: AssignmentResolver[];
  /** The district's working calendar (editable data); defaults to mainland China's. */
  calendar?: (district: string) => Promise<CalendarData>;
  forms?: FormCatalog;
  validators?: TaskDataValidator[];
  onIncident?: (job: Job, error: unknown) => void;
  /**
   * Called in this process right after events are stored, for low-latency notifications. Best
   * effort (not called for events another process stores, nor again after a crash): build
   * anything that must not be lost on `events.read`.
   */
  onEvent?: EngineEventListener;
  /** How long the event feed holds events back so slower writers' are in (default 2 s). */
  eventSettleMs?: number;
}

export interface StartInstanceRequest {
  processKey: string;
  district: string;
  variables?: Record<string, unknown>;
  businessKey?: string;
  starter?: string;
  /**
   * The new instance's id, when the caller must know it before the start (files it attaches to
   * the instance); random by default. A start with an id used before returns that instance.
   */
  instanceId?: string;
}

const FAR_FUTURE = new Date('9999-01-01T00:00:00Z');

/** The engine's public face: deployments, instances, tasks, jobs and history over one database. */
export class ProcessEngine {
  readonly store: EngineStore;
  readonly definitions: DefinitionService;
  readonly tasks: TaskService;
  readonly jobs: JobRepository;
  readonly scheduler: JobScheduler;
  readonly handlers: HandlerRegistry;
  readonly resolvers: AssignmentResolvers;
  /** Moving running instances to another deployment version. */
  readonly migration: MigrationService;
  /** The durable, ordered event feed the host builds notifications from. */
  readonly feed: EventFeed;
  private readonly runner: InstanceRunner;
  private readonly pruner: RevisionPruner;
  private readonly businessKeys: BusinessKeyIssuer;
  /** Messages, signals, call activities and timer starts. */
  private readonly crossInstance: CrossInstanceEvents;

  private constructor(private readonly options: ProcessEngineOptions) {
    const clock = options.clock ?? systemClock;
    this.store = new EngineStore(options.connection, undefined, clock);
    this.jobs = new JobRepository(options.connection, { clock });
    this.handlers = new HandlerRegistry([setVariablesHandler, ...(options.handlers ?? [])]);
    this.resolvers = new AssignmentResolvers([...builtInResolvers, ...(options.resolvers ?? [])]);
    this.definitions = new DefinitionService(
      this.store,
      this.handlers,
      this.resolvers,
      clock,
      options.forms,
    );
    const defaultCalendar = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);
    const calendar = async (district: string) =>
      options.calendar ? new WorkingCalendar(await options.calendar(district)) : defaultCalendar;
    this.businessKeys = new BusinessKeyIssuer({ store: this.store, clock, calendar });
    const hooks: StepHook[] = []; // filled below: the hooks need the runner too
    this.runner = new InstanceRunner({
      store: this.store,
      applier: new EffectApplier(
        this.store,
        this.jobs,
        new HistoryWriter(
          this.store.history,
          this.store.feed,
          this.store.feedDirectory,
          clock,
          options.onEvent ? [options.onEvent] : [],
        ),
      ),
      clock,
      resolvers: this.resolvers,
      definition: (id) => this.definitions.load(id),
      calendar,
      hooks,
    });
    this.crossInstance = new CrossInstanceEvents({
      store: this.store,
      jobs: this.jobs,
      runner: this.runner,
      clock,
      definition: (id) => this.definitions.load(id),
      calendar,
    });
    hooks.push(...this.crossInstance.hooks);
    const moveDeps = {
      store: this.store,
      runner: this.runner,
      definition: (id: string) => this.definitions.load(id),
      graphs: new FlowGraphCache(),
    };
    this.tasks = new TaskService(
      this.store,
      this.runner,
      [storableDataValidator, ...(options.validators ?? [])],
      new TaskReturns(moveDeps),
      new TaskRetrieval(moveDeps),
    );
    this.migration = new MigrationService(moveDeps);
    this.scheduler = new JobScheduler({
      repository: this.jobs,
      clock,
      owner: options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      handlers: new Map([
        [TIMER_JOB, timerJobHandler(this.runner)],
        [TASK_DUE_JOB, taskDueJobHandler(this.runner, this.store.taskRepository)],
        [
          'service-task',
          serviceJobHandler(this.runner, this.handlers, (id) => this.definitions.load(id)),
        ],
        ...this.crossInstance.jobHandlers(),
      ]),
      onIncident: (job, error) => options.onIncident?.(job, error),
    });
    this.feed = new EventFeed(
      this.store.feed,
      this.store.feedDirectory,
      clock,
      options.eventSettleMs,
    );
    this.pruner = new RevisionPruner(this.store, clock);
  }

  /** Creates the engine, its indexes, and repairs what a crash left half-applied. */
  static async create(options: ProcessEngineOptions): Promise<ProcessEngine> {
    const engine = new ProcessEngine(options);
    const now = (options.clock ?? systemClock).now();
    await Promise.all([engine.store.ensureIndexes(now), engine.jobs.ensureIndexes()]);
    await engine.reconcile();
    return engine;
  }

  /**
   * Folds the inbox lists whose change queue is long or old into new snapshots (every queued
   * change with `all`); returns how many lists it folded. Run it every few seconds, in any number
   * of processes: reads fold what is queued, so a long queue slows every `mine` and `claimable`
   * page (tasks/lists/task-list.store.ts).
   */
  compactTaskLists(options: { all?: boolean } = {}): Promise<number> {
    return this.store.taskRepository.compactLists(options.all);
  }

  /** Deploys version n+1; its timer start events replace the previous version's schedule. */
  async deploy(xml: string, options: DeployOptions): Promise<DeploymentDoc> {
    const deployment = await this.definitions.deploy(xml, options);
    await this.crossInstance.timerStarts.sync(deployment.district, deployment.key);
    return deployment;
  }

  /**
   * A dry run of deploy(): every problem and warning, nothing stored. Beyond the file's own
   * findings, it warns about called processes not deployed in the district yet.
   */
  async validateDefinition(xml: string, options: DeployOptions): Promise<ValidationReport> {
    const report = await this.definitions.validate(xml, options);
    if (!report.process) return report;
    const calls = await calledProcessWarnings(this.store, options.district, report.process);
    return { ...report, warnings: [...report.warnings, ...calls] };
  }

  /**
   * Activates or deactivates a version. Use this rather than definitions.setActive: the timer
   * start schedule follows the latest active version (reconcile() repairs it either way).
   */
  async setDefinitionActive(deploymentId: string, active: boolean): Promise<void> {
    await this.definitions.setActive(deploymentId, active);
    const deployment = await this.definitions.get(deploymentId);
    await this.crossInstance.timerStarts.sync(deployment.district, deployment.key);
  }

  /**
   * Delivers a message to the one element waiting for it (catch event, receive task, boundary
   * event, event sub-process start) or, when none waits, starts an instance at the one message
   * start event. NOT_FOUND when nothing matches, CONFLICT when several do.
   */
  correlateMessage(request: CorrelateMessageRequest): Promise<CorrelationResult> {
    return this.crossInstance.messages.correlate(request);
  }

  /** Delivers a message to every element waiting for it and every message start event. */
  correlateAll(request: CorrelateMessageRequest): Promise<CorrelationResult[]> {
    return this.crossInstance.messages.correlateAll(request);
  }

  /**
   * Broadcasts a signal to every element of the district waiting for it and starts an instance at
   * every signal start event; delivered by the scheduler, one durable job per receiver.
   */
  broadcastSignal(request: BroadcastSignalRequest): Promise<SignalBroadcast> {
    return this.crossInstance.signals.broadcast(request);
  }

  async startInstance(request: StartInstanceRequest): Promise<InstanceDoc> {
    const deployment = await this.definitions.latest(request.district, request.processKey);
    const loaded = await this.definitions.load(deployment._id);
    const { starts } = await eventCatalogOf(loaded.deployment);
    if (starts.length > 0 && !starts.some((start) => start.trigger === 'none'))
      throw new EngineError(
        'INVALID_ARGUMENT',
        `process '${request.processKey}' has no none start event: it starts by a message, signal or timer`,
      );
    const instanceId = request.instanceId ?? randomUUID();
    // a start repeated with its instance id returns that instance: it takes no second number
    const repeated =
      request.instanceId !== undefined &&
      (await this.store.instances.findOne({ _id: instanceId }, { projection: { _id: 1 } }));
    const businessKey =
      request.businessKey ??
      (repeated ? undefined : await this.businessKeys.issue(loaded, request.district, instanceId));
    return this.runner.start({
      definitionId: deployment._id,
      district: request.district,
      variables: request.variables ?? {},
      businessKey,
      starter: request.starter,
      instanceId,
    });
  }

  async getInstance(instanceId: string): Promise<InstanceDoc> {
    const doc = await this.store.instances.findOne({ _id: instanceId });
    if (!doc) throw new EngineError('NOT_FOUND', `instance ${instanceId} not found`);
    return doc;
  }

  async cancelInstance(instanceId: string, reason: string, userId?: string): Promise<void> {
    await this.runner.step(
      instanceId,
      (ctx) => {
        ctx.status = 'cancelled';
        ctx.patch.cancelReason = reason;
        ctx.history.push({ type: 'instance.cancelled', userId, data: { reason } });
      },
      ['running', 'suspended', 'incident'],
    );
  }

  /** A suspended instance accepts no task completion and fires no timer until resumed. */
  async suspendInstance(instanceId: string, userId?: string): Promise<void> {
    await this.runner.step(instanceId, (ctx) => {
      ctx.status = 'suspended';
      for (const timer of ctx.instance.timers)
        ctx.effects.push({ type: 'job.reschedule', jobId: timer.jobId, dueAt: FAR_FUTURE });
      for (const wait of ctx.instance.waits)
        if (wait.jobId)
          ctx.effects.push({ type: 'job.reschedule', jobId: wait.jobId, dueAt: FAR_FUTURE });
      ctx.history.push({ type: 'instance.suspended', userId });
    });
  }

  async resumeInstance(instanceId: string, userId?: string): Promise<void> {
    await this.runner.step(
      instanceId,
      (ctx) => {
        ctx.status = 'running';
        // A timer that fell due while suspended fires at the next poll.
        for (const timer of ctx.instance.timers)
          ctx.effects.push({ type: 'job.reschedule', jobId: timer.jobId, dueAt: timer.dueAt });
        for (const wait of ctx.instance.waits)
          if (wait.jobId)
            ctx.effects.push({ type: 'job.reschedule', jobId: wait.jobId, dueAt: ctx.now });
        ctx.history.push({ type: 'instance.resumed', userId });
      },
      ['suspended'],
    );
  }

  /** Retries a failed service task by hand (the incident's job). */
  async retryIncident(instanceId: string): Promise<void> {
    const instance = await this.getInstance(instanceId);
    // a called instance's incident shown at its call activity is retried where it happened
    const child = instance.incident?.childInstanceId;
    if (instance.status === 'incident' && child) return this.retryIncident(child);
    const incidents = (await this.jobs.find({ instanceId, status: 'incident' })) as Job[];
    if (instance.status !== 'incident' || incidents.length === 0)
      throw new EngineError('CONFLICT', `instance ${instanceId} has no incident`);
    for (const job of incidents)
      await this.jobs.retry(job.id, (this.options.clock ?? systemClock).now());
  }

  /** What a user did in a district, newest first, a keyset page at a time. */
  historyOfUser(userId: string, query: UserHistoryQuery): Promise<KeysetPage<HistoryDoc>> {
    return historyOfUser(this.store.history, userId, query);
  }

  /**
   * Deletes revision claims no step or recovery can need any more (see revision-pruner.ts). Run it
   * periodically, e.g. hourly beside `jobs.purgeFinished`; it is safe while the engine works.
   */
  pruneRevisions(options?: PruneRevisionsOptions): Promise<PruneRevisionsResult> {
    return this.pruner.prune(options);
  }

  async history(instanceId: string): Promise<HistoryDoc[]> {
    return this.store.history.find({ instanceId }).sort({ rev: 1, seq: 1 }).toArray();
  }

  async listInstances(filter: {
    district: string;
    status?: InstanceStatus;
    processKey?: string;
    businessKey?: string;
  }): Promise<InstanceDoc[]> {
    return this.store.instances.find(filter).sort({ startedAt: -1 }).toArray();
  }

  /** Open message and signal subscriptions: what instances of the district wait for, by name. */
  async listSubscriptions(filter: {
    district: string;
    kind?: SubscriptionDoc['kind'];
    name?: string;
    instanceId?: string;
    businessKey?: string;
  }): Promise<SubscriptionDoc[]> {
    const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    return this.store.subscriptions
      .find({ ...query, open: true })
      .sort({ openedAt: 1 })
      .toArray();
  }

  /** Applies every outbox a crash left behind; run at start-up (and safe to run any time). */
  async reconcile(): Promise<number> {
    let repaired = 0;
    for await (const doc of this.store.instances.find({ outbox: { $ne: null } })) {
      await this.runner.load(doc._id);
      repaired++;
    }
    for (const instanceId of await instancesWithUnwrittenClaims(this.store)) {
      await this.runner.load(instanceId);
      repaired++;
    }
    await this.crossInstance.timerStarts.syncAll();
    return repaired;
  }

  /**
   * Finishes the steps this process committed but could not write out because the database went
   * away mid-step (they stay committed in their claims). Call it every few seconds: the host's
   * job loop does. Steps another process or a crash left are finished by `reconcile()` at start
   * and by the next step of their instance.
   */
  finishCommittedSteps(): Promise<number> {
    return this.runner.finishCommittedSteps();
  }

  /** Runs every job due now (timers, service tasks) until none is left; for tests and scripts. */
  runDueJobs(): Promise<number> {
    return this.scheduler.drain();
  }
}
