import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskDoc } from '../../engine/src';
import { UsersService } from '../../server/src/accounts/users/users.service';
import { DistrictsService } from '../../server/src/districts/districts.service';
import { WORKFLOW_PLATFORM } from '../../server/src/platform/platform.tokens';
import type { WorkflowPlatform } from '../../server/src/workflow';
import type { BenchServer } from './bench-server';
import { runPool } from '../engine/stats';

export const PASSWORD = 'Bench-pass-2026';
export const ROLES = ['office', 'deputyAffairs', 'committee', 'unit'] as const;
const PROCESS_KEY = 'bench-approval';
const REVIEW_FORM = {
  type: 'object',
  'x-cf': { title: '审核意见', reads: [], writes: ['approved', 'opinion'] },
  properties: {
    approved: { type: 'boolean', title: '是否同意', required: true },
    opinion: { type: 'string', title: '意见', maxLength: 500 },
  },
};

export interface BenchUser {
  id: string;
  username: string;
  role: (typeof ROLES)[number];
}

export interface BenchDistrict {
  code: string;
  users: BenchUser[];
}

export interface BenchWorld {
  districts: BenchDistrict[];
  /** Open tasks of real instances (started through the engine), to complete over HTTP. */
  realTasks: { district: string; taskId: string; assignee: BenchUser }[];
  openTasks: number;
}

export interface SeedOptions {
  districts: number;
  usersPerDistrict: number;
  /** Open tasks in all, real and bulk-inserted. */
  tasks: number;
  /** Real instances per district (each has one open task, completed in the completion phase). */
  realPerDistrict: number;
  log: (line: string) => void;
}

/**
 * Districts with users, the bench process deployed in each, `realPerDistrict` instances started
 * through the platform (so their tasks can really be completed), and the rest of the open tasks
 * bulk-inserted into `engine_tasks` as copies of a real task document of the same district (other
 * ids, assignees, candidate groups, dates and priorities): the engine's own shape, 60 % assigned
 * to a user, 40 % claimable by one of four roles.
 */
export async function seedWorld(server: BenchServer, options: SeedOptions): Promise<BenchWorld> {
  const platform = server.app.get<WorkflowPlatform>(WORKFLOW_PLATFORM);
  const xml = readFileSync(join(__dirname, 'approval.bpmn'), 'utf8');
  const world: BenchWorld = { districts: [], realTasks: [], openTasks: 0 };
  const perDistrict = Math.floor(options.tasks / options.districts);

  for (let d = 0; d < options.districts; d++) {
    const code = `bench-${d}`;
    await server.app.get(DistrictsService).register({ code, name: `基准区${d}` });
    const users: BenchUser[] = [];
    for (let u = 0; u < options.usersPerDistrict; u++) {
      const role = ROLES[u % ROLES.length];
      const username = `b${d}-u${u}`;
      const created = await server.app.get(UsersService).create(code, {
        username,
        name: `用户${d}-${u}`,
        password: PASSWORD,
        roles: [role],
        isDistrictAdmin: false,
      });
      users.push({ id: created.id, username, role });
    }
    await platform.forms.publish(code, 'bench-review', REVIEW_FORM);
    await platform.engine.deploy(xml, { district: code, roleKeys: new Set(ROLES) });
    world.districts.push({ code, users });

    await runPool(options.realPerDistrict, 8, async (i) => {
      const assignee = users[i % users.length];
      const instance = await platform.startInstance(
        code,
        PROCESS_KEY,
        users[0].id,
        {},
        {
          variables: { reviewer: assignee.id },
        },
      );
      const [task] = await platform.engine.store.taskRepository.openOf(instance._id);
      world.realTasks.push({ district: code, taskId: task._id, assignee });
    });
    const template = await platform.engine.store.tasks.findOne({ district: code, status: 'open' });
    if (!template) throw new Error(`no real task in ${code}`);
    const background = perDistrict - options.realPerDistrict;
    for (let start = 0; start < background; start += 1000) {
      const batch: TaskDoc[] = [];
      for (let i = start; i < Math.min(background, start + 1000); i++)
        batch.push(taskCopy(template, users, d, i));
      await platform.engine.store.tasks.insertMany(batch, { ordered: false });
      await platform.engine.store.taskRepository.file(batch); // into the inbox lists too
    }
    world.openTasks += perDistrict;
    options.log(`  ${code}: ${users.length} users, ${perDistrict} open tasks`);
  }
  while ((await platform.engine.compactTaskLists({ all: true })) > 0); // as the platform's loop would have
  return world;
}

const DAY = 86_400_000;

/**
 * Open task `i` of district `d`: the template with its own ids, an assignee (60 %) or one of the
 * four roles as candidate group, a created date in the last 40 days, due 3–30 days later, and a
 * priority — the same for every run (seeded).
 */
export function taskCopy(
  template: TaskDoc,
  users: Pick<BenchUser, 'id'>[],
  d: number,
  i: number,
): TaskDoc {
  const random = mulberry(d * 1_000_003 + i);
  const createdAt = new Date(Date.now() - Math.floor(random() * 40 * DAY));
  const assigned = random() < 0.6;
  const { _id, assignee, candidateGroups, ...rest } = template;
  void _id;
  void assignee;
  void candidateGroups;
  return {
    ...rest,
    _id: `bg-${d}-${i}`,
    instanceId: `bg-instance-${d}-${i}`,
    executionId: `bg-execution-${d}-${i}`,
    ...(assigned
      ? { assignee: users[Math.floor(random() * users.length)].id, candidateGroups: [] }
      : { candidateGroups: [ROLES[Math.floor(random() * ROLES.length)]] }),
    priority: 20 + Math.floor(random() * 60),
    createdAt,
    dueAt: new Date(createdAt.getTime() + (3 + Math.floor(random() * 27)) * DAY),
  };
}

/** A small seeded generator, so every run inserts the same tasks. */
function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
