import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Logger } from 'pino';
import type { Clock, Job, TaskFilter } from '../../../../engine/src';
import { UserRepository } from '../../accounts/users/user.repository';
import type { UserDoc } from '../../accounts/users/user.document';
import { CLOCK, ROOT_LOGGER } from '../../common/tokens';
import { DistrictRepository } from '../../districts/district.repository';
import { viewFilter } from '../../inbox/inbox.service';
import { DueWindows } from '../../platform/due-window';
import { PollingLoop } from '../../platform/polling-loop';
import { WORKFLOW_PLATFORM } from '../../platform/platform.tokens';
import type { WorkflowPlatform } from '../../workflow';
import { NotificationPublisher } from '../notification.publisher';
import { DeliveryQueue } from './delivery-queue';

export const DIGEST_JOB = 'notification.digest';
const DEFAULT_TIME = '08:30';
const BEIJING_OFFSET_MS = 8 * 3_600_000;

interface DigestPayload {
  district: string;
  /** The Beijing date it is for, YYYY-MM-DD: with the district, the job's identity. */
  date: string;
}

/**
 * The daily 催办 digest: at the district's `dailyDigestTime` (Beijing time; parameter
 * `dailyDigest` turns it off) each person with overdue or soon-due tasks gets one notification
 * counting them, by the channels they chose. One job per district and day, with the date in its
 * id: scheduling it again (every server start, every process) adds nothing, and after a long
 * outage only the day that was due fires — once — before the next day is scheduled.
 */
@Injectable()
export class DailyDigest implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  /** Plans every district's next digest at start and hourly (new districts, changed parameters). */
  private readonly planner: PollingLoop;

  constructor(
    @Inject(DeliveryQueue) private readonly queue: DeliveryQueue,
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(NotificationPublisher) private readonly publisher: NotificationPublisher,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(DistrictRepository) private readonly districts: DistrictRepository,
    @Inject(DueWindows) private readonly due: DueWindows,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.planner = new PollingLoop(
      3_600_000,
      async () => {
        await this.scheduleAll();
        return false;
      },
      (error) => logger.error({ err: error }, 'scheduling the daily digests failed'),
    );
  }

  onModuleInit(): void {
    this.queue.register(DIGEST_JOB, (job) => this.run(job));
  }

  onApplicationBootstrap(): void {
    this.planner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.planner.stop();
  }

  /** The next digest of every district (idempotent). */
  async scheduleAll(): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.districts.list({ cursor, limit: 100 });
      for (const district of page.items) await this.scheduleNext(district._id, this.clock.now());
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** The district's first digest after `after`, unless the district turned digests off. */
  async scheduleNext(district: string, after: Date): Promise<void> {
    const params = await this.platform.parameters.get(district);
    if (params.dailyDigest === false) return;
    const at = nextOccurrence(timeOf(params.dailyDigestTime), after);
    await this.queue.schedule([
      {
        id: `digest:${district}:${at.date}`,
        kind: DIGEST_JOB,
        dueAt: at.dueAt,
        district,
        payload: { district, date: at.date } satisfies DigestPayload as unknown as Record<
          string,
          unknown
        >,
      },
    ]);
  }

  private async run(job: Job): Promise<void> {
    const { district, date } = job.payload as unknown as DigestPayload;
    const window = await this.due.of(district);
    const people = await this.users.users.in(district).find({ disabled: false }).toArray();
    const drafts = [];
    for (const user of people) {
      const counts = await this.countsOf(district, user, window);
      if (counts.overdue + counts.soon === 0) continue;
      const parts = [
        counts.overdue > 0 && `${counts.overdue} 项已逾期`,
        counts.soon > 0 && `${counts.soon} 项即将到期`,
      ].filter(Boolean);
      drafts.push({
        _id: `digest:${district}:${date}:${user._id}`,
        district,
        userId: user._id,
        kind: 'digest' as const,
        title: `催办提醒：您的待办中${parts.join('、')}`,
        message: `${date} 汇总。请尽快办理；逾期事项会抄送督办部门。`,
      });
    }
    await this.publisher.publish(drafts);
    // the next one after this day and after now: a run late by days (an outage) sends one
    // digest, not one for every day it missed
    const endOfDay = Date.parse(`${date}T23:59:59+08:00`);
    await this.scheduleNext(district, new Date(Math.max(endOfDay, this.clock.now().getTime())));
  }

  private async countsOf(
    district: string,
    user: UserDoc,
    window: { now: Date; soonUntil: Date },
  ): Promise<{ overdue: number; soon: number }> {
    const caller = { district, userId: user._id, roles: user.roles };
    const views = [viewFilter(caller as never, 'mine'), viewFilter(caller as never, 'claimable')];
    const count = (filter: TaskFilter) => this.platform.engine.tasks.count(filter);
    const [lateMine, latePool, soonMine, soonPool] = await Promise.all([
      ...views.map((view) => count({ ...view, dueBefore: window.now })),
      ...views.map((view) => count({ ...view, dueAfter: window.now, dueBefore: window.soonUntil })),
    ]);
    return { overdue: lateMine + latePool, soon: soonMine + soonPool };
  }
}

function timeOf(value: unknown): { hours: number; minutes: number } {
  const text =
    typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? value : DEFAULT_TIME;
  const [hours, minutes] = text.split(':').map(Number);
  return { hours, minutes };
}

/** The first `time` (Beijing) strictly after `after`, with its Beijing date. */
export function nextOccurrence(
  time: { hours: number; minutes: number },
  after: Date,
): { date: string; dueAt: Date } {
  const local = new Date(after.getTime() + BEIJING_OFFSET_MS); // Beijing wall clock, in UTC fields
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  for (const offset of [0, 1]) {
    const wall = day + offset * 86_400_000 + (time.hours * 60 + time.minutes) * 60_000;
    const dueAt = new Date(wall - BEIJING_OFFSET_MS);
    if (dueAt.getTime() > after.getTime())
      return { date: new Date(wall).toISOString().slice(0, 10), dueAt };
  }
  throw new Error('unreachable: tomorrow is always after now');
}
