import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { type AssignmentResolver, AssignmentResolvers, builtInResolvers } from './assignment';
import { type CalendarData, CHINA_MAINLAND_CALENDAR, WorkingCalendar } from './calendar';
import { type Clock, systemClock } from './clock';
import {
  DefinitionService,
  type DeployOptions,
  type FormCatalog,
} from './definitions/definition.service';
import { EngineError } from './engine.error';
import { HandlerRegistry, type ServiceHandler, setVariablesHandler } from './handlers';
import { type Job, JobRepository, JobScheduler } from './jobs';
import { EffectApplier } from './runtime/effect-applier';
import { InstanceRunner, TIMER_JOB } from './runtime/instance-runner';
import { serviceJobHandler, timerJobHandler } from './runtime/job-handlers';
import type { DeploymentDoc, HistoryDoc, InstanceDoc, InstanceStatus } from './storage/documents';
import { EngineStore } from './storage/engine-store';
import { storableDataValidator, type TaskDataValidator } from './tasks/task-data-validator';
import { TaskService } from './tasks/task.service';

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
}

export interface StartInstanceRequest {
  processKey: string;
  district: string;
  variables?: Record<string, unknown>;
  businessKey?: string;
  starter?: string;
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
  private readonly runner: InstanceRunner;

  private constructor(private readonly options: ProcessEngineOptions) {
    const clock = options.clock ?? systemClock;
    this.store = new EngineStore(options.connection);
    this.jobs = new JobRepository(options.connection);
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
    this.runner = new InstanceRunner({
      store: this.store,
      applier: new EffectApplier(this.store, this.jobs),
      clock,
      resolvers: this.resolvers,
      definition: (id) => this.definitions.load(id),
      calendar: async (district) =>
        options.calendar ? new WorkingCalendar(await options.calendar(district)) : defaultCalendar,
    });
    this.tasks = new TaskService(this.store, this.runner, clock, [
      storableDataValidator,
      ...(options.validators ?? []),
    ]);
    this.scheduler = new JobScheduler({
      repository: this.jobs,
      clock,
      owner: options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      handlers: new Map([
        [TIMER_JOB, timerJobHandler(this.runner)],
        [
          'service-task',
          serviceJobHandler(this.runner, this.handlers, (id) => this.definitions.load(id)),
        ],
      ]),
      onIncident: (job, error) => options.onIncident?.(job, error),
    });
  }

  /** Creates the engine, its indexes, and repairs what a crash left half-applied. */
  static async create(options: ProcessEngineOptions): Promise<ProcessEngine> {
    const engine = new ProcessEngine(options);
    await Promise.all([engine.store.ensureIndexes(), engine.jobs.ensureIndexes()]);
    await engine.reconcile();
    return engine;
  }

  deploy(xml: string, options: DeployOptions): Promise<DeploymentDoc> {
    return this.definitions.deploy(xml, options);
  }

  async startInstance(request: StartInstanceRequest): Promise<InstanceDoc> {
    const deployment = await this.definitions.latest(request.district, request.processKey);
    return this.runner.start({
      definitionId: deployment._id,
      district: request.district,
      variables: request.variables ?? {},
      businessKey: request.businessKey,
      starter: request.starter,
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
    const incidents = (await this.jobs.find({ instanceId, status: 'incident' })) as Job[];
    if (instance.status !== 'incident' || incidents.length === 0)
      throw new EngineError('CONFLICT', `instance ${instanceId} has no incident`);
    for (const job of incidents)
      await this.jobs.retry(job.id, (this.options.clock ?? systemClock).now());
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

  /** Applies every outbox a crash left behind; run at start-up (and safe to run any time). */
  async reconcile(): Promise<number> {
    let repaired = 0;
    for await (const doc of this.store.instances.find({ outbox: { $ne: null } })) {
      await this.runner.load(doc._id);
      repaired++;
    }
    return repaired;
  }

  /** Runs every job due now (timers, service tasks) until none is left; for tests and scripts. */
  runDueJobs(): Promise<number> {
    return this.scheduler.drain();
  }
}
