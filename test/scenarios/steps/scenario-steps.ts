import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHINA_MAINLAND_CALENDAR,
  type InstanceDoc,
  type TaskDoc,
  WorkingCalendar,
} from '../../../engine/src';
import {
  createPlatformHarness,
  DISTRICT,
  type PlatformHarness,
  ROLE_KEYS,
} from '../../support/platform-harness';

/**
 * What every scenario test (test/scenarios/*.test.ts) does the same way on its harness: open
 * tasks, the steps waiting, completing a step in an instance, the notices an instance sent, the
 * called vote and its ballots, and the check that a template's BPMN deploys cleanly.
 */
export type FormData = Record<string, unknown>;

/** The harness's users (test/support/platform-harness.ts) by the part they play in the scenarios. */
export const CITIZEN = 'c-citizen-1'; // a mini-program account, no role
export const OFFICE = 'u-office'; // 李秘书, 办公室
export const COUNCIL = 'u-council'; // 赵主任, 主任会议
export const LEADER = 'u-leader'; // 吴副主任
export const AFFAIRS = 'u-deputy-affairs'; // 孙主任, 代表工委 / 选联工委
export const DEPUTY = 'u-deputy-1';
export const CO_SIGNER = 'u-deputy-2';
export const GOV_OFFICE = 'u-gov-office'; // 周督查, 政府督查室
export const TRANSPORT = 'u-transport-1'; // 区交通运输局
export const EDUCATION = 'u-education-1'; // 区教育局
export const HEALTH = 'u-health-1'; // 区卫生健康委员会

/** Ballot marks. */
export const S = ['satisfied'];
export const B = ['basic'];
export const D = ['dissatisfied'];

/** China mainland working days (holidays and make-up days), as the processes count deadlines. */
export const calendar = new WorkingCalendar(CHINA_MAINLAND_CALENDAR);

/** The date an instant falls on in China (UTC+8), as forms write it: '2026-03-02'. */
export const localDate = (instant: Date) =>
  new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The instance's open tasks, only those at `activityId` when it is given. */
export const openAt = async (
  h: PlatformHarness,
  instanceId: string,
  activityId?: string,
): Promise<TaskDoc[]> =>
  (await h.openTasks(instanceId)).filter((t) => !activityId || t.activityId === activityId);

/** The activities the instance's open tasks wait in, sorted, once per task. */
export const activitiesOf = async (h: PlatformHarness, instanceId: string) =>
  (await h.openTasks(instanceId)).map((t) => t.activityId).sort();

/** `user` completes the one open task at `activityId` in the instance. */
export const completeIn = (
  h: PlatformHarness,
  user: string,
  activityId: string,
  instanceId: string,
  data: FormData = {},
) => h.complete(user, activityId, data, { instanceId });

/**
 * A harness with `templates` installed for the tests of the describe block this is called in:
 * created before them (handed to `use`), disposed of after them. Returns the helpers above bound
 * to it.
 */
export function useHarness(
  templates: string[],
  use: (h: PlatformHarness) => void,
  timeout?: number,
) {
  let harness: PlatformHarness | undefined;
  beforeAll(async () => {
    harness = await createPlatformHarness({ templates });
    use(harness);
  }, timeout);
  afterAll(() => harness?.dispose());
  const h = () => harness!;
  return {
    open: (instanceId: string, activityId?: string) => openAt(h(), instanceId, activityId),
    activities: (instanceId: string) => activitiesOf(h(), instanceId),
    complete: (user: string, activityId: string, instanceId: string, data: FormData = {}) =>
      completeIn(h(), user, activityId, instanceId, data),
    sent: (instanceId: string, kind?: string) => sentBy(h(), instanceId, kind),
  };
}

/** Sets the virtual clock to `when` and runs the jobs due by then (timers, reminders). */
export async function runJobsAt(
  h: PlatformHarness,
  when: Parameters<PlatformHarness['clock']['set']>[0],
) {
  h.clock.set(when);
  await h.runJobs();
}

/** The instance, which must have completed. */
export async function completedInstance(h: PlatformHarness, instanceId: string) {
  const instance = await h.instance(instanceId);
  expect(instance.status).toBe('completed');
  return instance;
}

/** The notices the instance sent, only those of `kind` when it is given. */
export const sentBy = (h: PlatformHarness, instanceId: string, kind?: string) =>
  h.notifier.sent.filter((n) => n.instanceId === instanceId && (!kind || n.kind === kind));

/** The one satisfaction vote `parentId` is running (there must be exactly one). */
export async function runningVoteOf(h: PlatformHarness, parentId: string): Promise<InstanceDoc> {
  const votes = await h.platform.engine.listInstances({
    district: DISTRICT,
    processKey: 'satisfaction-vote',
    status: 'running',
  });
  const mine = votes.filter((v) => v.parent?.instanceId === parentId);
  expect(mine).toHaveLength(1);
  return mine[0];
}

/** `voters[i]` casts `ballots[i]` in the vote instance `voteId`, in order. */
export async function castBallots(
  h: PlatformHarness,
  voteId: string,
  voters: readonly string[],
  ballots: FormData[],
  activityId = 'castBallot',
) {
  for (const [i, ballot] of ballots.entries())
    await h.complete(voters[i], activityId, ballot, { instanceId: voteId });
}

/** Ballots that carry an overall mark only. */
export const overall = (marks: unknown[]) => marks.map((mark) => ({ overall: mark }));

/**
 * A BPMN document of one executable process: a start event `s` flowing by `f1` into `first`, then
 * `body`, its other elements (each line ending in a line break).
 */
export const bpmnProcess = (id: string, name: string, first: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="${id}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="${first}" />
${body}  </bpmn:process>
</bpmn:definitions>`;

/**
 * processes/<file>: validates without problems or warnings, draws a shape or an edge for every
 * element of `kinds` (more than `atLeast` of them) and names every flow node in Chinese.
 */
export async function expectDeploysCleanly(
  h: PlatformHarness,
  file: string,
  kinds: string[],
  atLeast: number,
) {
  const xml = readFileSync(join(__dirname, '../../../processes', file), 'utf8');
  const report = await h.platform.engine.validateDefinition(xml, {
    district: DISTRICT,
    roleKeys: new Set(ROLE_KEYS),
  });
  expect(report.problems).toEqual([]);
  expect(report.warnings).toEqual([]);
  const ids = [
    ...xml.matchAll(
      new RegExp(`<bpmn:(?:${[...kinds, 'sequenceFlow', 'lane'].join('|')}) id="([^"]+)"`, 'g'),
    ),
  ].map((m) => m[1]);
  const drawn = new Set([...xml.matchAll(/bpmnElement="([^"]+)"/g)].map((m) => m[1]));
  expect(ids.length).toBeGreaterThan(atLeast);
  expect(ids.filter((id) => !drawn.has(id))).toEqual([]);
  // every flow node has a Chinese name
  const unnamed = [
    ...xml.matchAll(
      new RegExp(
        `<bpmn:(?:${[...kinds, 'lane', 'participant'].join('|')}) id="[^"]+"(?! name="[^"]*\\p{Script=Han})`,
        'gu',
      ),
    ),
  ];
  expect(unnamed.map((m) => m[0])).toEqual([]);
}
