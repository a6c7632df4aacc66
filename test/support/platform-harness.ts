import { type InstanceDoc, type TaskActor, type TaskDoc, VirtualClock } from '../../engine/src';
import type { DocumentRecord } from '../../server/src/documents';
import {
  createWorkflowPlatform,
  type Directory,
  type DirectoryUnit,
  type DirectoryUser,
  type Notifier,
  type StartOptions,
  type WorkflowNotification,
  type WorkflowPlatform,
} from '../../server/src/workflow';
import { openTestDatabase, type TestDatabase } from './test-database';

export const DISTRICT = 'test-district';

/** The role keys of the domain document (/work/shared/domain/processes.md). */
export const ROLE_KEYS = [
  'council',
  'committee',
  'deputyAffairs',
  'office',
  'member',
  'deputy',
  'govOffice',
  'unit',
  'leader',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** Government units (承办单位) with the users who act for them. */
export const UNITS: (DirectoryUnit & { users: string[] })[] = [
  {
    id: 'unit-transport',
    name: '区交通运输局',
    kind: 'unit',
    users: ['u-transport-1', 'u-transport-2'],
  },
  { id: 'unit-education', name: '区教育局', kind: 'unit', users: ['u-education-1'] },
  { id: 'unit-health', name: '区卫生健康委员会', kind: 'unit', users: ['u-health-1'] },
];

/** One test user per role (several members and deputies, to vote), plus the units' users. */
export const USERS: DirectoryUser[] = [
  { id: 'u-council', name: '赵主任', roles: ['council'] },
  { id: 'u-committee', name: '钱主任委员', roles: ['committee'] },
  { id: 'u-deputy-affairs', name: '孙主任', roles: ['deputyAffairs'] },
  { id: 'u-office', name: '李秘书', roles: ['office'] },
  ...[1, 2, 3, 4, 5].map((n) => ({ id: `u-member-${n}`, name: `委员${n}`, roles: ['member'] })),
  ...[1, 2, 3].map((n) => ({ id: `u-deputy-${n}`, name: `代表${n}`, roles: ['deputy'] })),
  { id: 'u-gov-office', name: '周督查', roles: ['govOffice'] },
  { id: 'u-leader', name: '吴副主任', roles: ['leader', 'council'] },
  ...UNITS.flatMap((unit) =>
    unit.users.map((id, i) => ({
      id,
      name: `${unit.name}经办人${i + 1}`,
      unitId: unit.id,
      roles: ['unit'],
    })),
  ),
];

/** The Directory port over the lists above, for one district. */
export class InMemoryDirectory implements Directory {
  constructor(
    private readonly users: DirectoryUser[] = USERS,
    private readonly units: DirectoryUnit[] = UNITS,
    private readonly roles: readonly string[] = ROLE_KEYS,
  ) {}

  async usersWithRole(_district: string, roleKey: string): Promise<string[]> {
    return this.users.filter((u) => u.roles.includes(roleKey)).map((u) => u.id);
  }

  async roleKeys(): Promise<string[]> {
    return [...this.roles];
  }

  async user(_district: string, userId: string): Promise<DirectoryUser | undefined> {
    return this.users.find((u) => u.id === userId);
  }

  async unit(_district: string, unitId: string): Promise<DirectoryUnit | undefined> {
    const unit = this.units.find((u) => u.id === unitId);
    return unit && { id: unit.id, name: unit.name, kind: unit.kind };
  }

  async usersOfUnit(_district: string, unitId: string): Promise<string[]> {
    return this.users.filter((u) => u.unitId === unitId).map((u) => u.id);
  }

  async displayNames(_district: string, ids: readonly string[]): Promise<Record<string, string>> {
    const wanted = new Set(ids);
    return Object.fromEntries(
      [...this.users, ...this.units].filter((e) => wanted.has(e.id)).map((e) => [e.id, e.name]),
    );
  }
}

/** Keeps every notification, so scenarios can assert who was told what. */
export class RecordingNotifier implements Notifier {
  readonly sent: WorkflowNotification[] = [];

  async notify(notification: WorkflowNotification): Promise<void> {
    if (!this.sent.some((n) => n.key === notification.key)) this.sent.push(notification);
  }
}

export interface PlatformHarness {
  db: TestDatabase;
  clock: VirtualClock;
  platform: WorkflowPlatform;
  directory: InMemoryDirectory;
  notifier: RecordingNotifier;
  /** User ids by role key. */
  users: Record<RoleKey, string[]>;
  actor(userId: string): TaskActor;
  start(
    processKey: string,
    userId: string,
    data?: Record<string, unknown>,
    options?: StartOptions,
  ): Promise<InstanceDoc>;
  openTasks(instanceId: string): Promise<TaskDoc[]>;
  /** Finds the user's open task at the activity, claims it if needed, completes it, runs due jobs. */
  complete(
    userId: string,
    activityId: string,
    data?: Record<string, unknown>,
    where?: { instanceId?: string },
  ): Promise<TaskDoc>;
  /** Moves the virtual clock by an ISO duration (P10D, PT2H, P1M) and runs every job then due. */
  advance(duration: string): Promise<void>;
  runJobs(): Promise<number>;
  instance(instanceId: string): Promise<InstanceDoc>;
  variables(instanceId: string): Promise<Record<string, unknown>>;
  documents(instanceId: string): Promise<DocumentRecord[]>;
  dispose(): Promise<void>;
}

/**
 * The platform as the server builds it, on this test file's own FerretDB database and on virtual
 * time, with the chosen templates installed into one district.
 */
export async function createPlatformHarness(options: {
  templates: string[];
  start?: string;
  libraryRoot?: string;
}): Promise<PlatformHarness> {
  const db = await openTestDatabase();
  const clock = new VirtualClock(options.start ?? '2026-03-02T09:00:00+08:00');
  const directory = new InMemoryDirectory();
  const notifier = new RecordingNotifier();
  const platform = await createWorkflowPlatform({
    db: db.connection,
    clock,
    directory,
    notifier,
    ...(options.libraryRoot && { libraryRoot: options.libraryRoot }),
  });
  await platform.templates.installTemplates(DISTRICT, options.templates, 'u-office');

  const users = Object.fromEntries(
    ROLE_KEYS.map((role) => [role, USERS.filter((u) => u.roles.includes(role)).map((u) => u.id)]),
  ) as Record<RoleKey, string[]>;
  const actor = (userId: string): TaskActor => ({
    userId,
    groups: USERS.find((u) => u.id === userId)?.roles ?? [],
  });
  const runJobs = () => platform.engine.runDueJobs();

  const harness: PlatformHarness = {
    db,
    clock,
    platform,
    directory,
    notifier,
    users,
    actor,
    runJobs,
    async start(processKey, userId, data = {}, start) {
      const instance = await platform.startInstance(DISTRICT, processKey, userId, data, start);
      await runJobs();
      return instance;
    },
    openTasks: (instanceId) => platform.engine.tasks.openTasksOf(instanceId),
    async complete(userId, activityId, data = {}, where = {}) {
      const me = actor(userId);
      const open = await platform.engine.store.tasks
        .find({
          district: DISTRICT,
          status: 'open',
          activityId,
          ...(where.instanceId && { instanceId: where.instanceId }),
        })
        .toArray();
      const mine = open.filter(
        (t) =>
          t.assignee === userId ||
          (!t.assignee &&
            (t.candidateUsers.includes(userId) ||
              t.candidateGroups.some((g) => me.groups.includes(g)))),
      );
      if (mine.length !== 1) {
        const seen = open.map(
          (t) => `${t.instanceId}/${t.activityId}→${t.assignee ?? t.candidateGroups.join('|')}`,
        );
        throw new Error(
          `${userId} has ${mine.length} open '${activityId}' tasks (need exactly one; pass { instanceId }). Open: ${seen.join(', ') || 'none'}`,
        );
      }
      let task = mine[0];
      if (!task.assignee) task = await platform.engine.tasks.claim(task._id, me);
      await platform.completeTask(task._id, me, data);
      await runJobs();
      return task;
    },
    async advance(duration) {
      clock.set(addDuration(clock.now(), duration));
      await runJobs();
    },
    instance: (instanceId) => platform.engine.getInstance(instanceId),
    async variables(instanceId) {
      return (await platform.engine.getInstance(instanceId)).variables;
    },
    async documents(instanceId) {
      const summaries = await platform.documents.listByInstance(instanceId);
      return Promise.all(summaries.map((s) => platform.documents.get(DISTRICT, s._id)));
    },
    dispose: () => db.dispose(),
  };
  return harness;
}

/** Adds an ISO 8601 duration: months and years on the China calendar day, the rest exactly. */
function addDuration(from: Date, duration: string): Date {
  const match =
    /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
      duration,
    );
  if (!match || duration === 'P')
    throw new Error(`advance: '${duration}' is not an ISO 8601 duration`);
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((n) => Number(n ?? 0));
  const shifted = new Date(from.getTime() + 8 * 3_600_000); // local (UTC+8) calendar for months
  shifted.setUTCMonth(shifted.getUTCMonth() + years * 12 + months);
  return new Date(
    shifted.getTime() -
      8 * 3_600_000 +
      ((weeks * 7 + days) * 86_400 + hours * 3_600 + minutes * 60 + seconds) * 1000,
  );
}
