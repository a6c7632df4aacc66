import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '../../../engine/src';
import { CLOCK } from '../common/tokens';
import type { WorkflowPlatform } from '../workflow';
import { WORKFLOW_PLATFORM } from './platform.tokens';

/** "Due soon" when nothing else is configured: within three days. */
export const DEFAULT_DUE_SOON_MS = 3 * 24 * 3_600_000;

const UNIT_MS: Record<string, number> = {
  W: 7 * 24 * 3_600_000,
  D: 24 * 3_600_000,
  H: 3_600_000,
  M: 60_000,
};

/**
 * How far ahead a due date counts as "soon" in a district: its shortest reminder lead time
 * (`params.reminderLeadTimes`, e.g. ["P15D", "P3D"] → 3 days), else DEFAULT_DUE_SOON_MS. Only
 * plain weeks, days, hours and minutes are read; a working-day entry (`P3WD`) is skipped.
 */
export function dueSoonWindowMs(params: Readonly<Record<string, unknown>>): number {
  const leads = Array.isArray(params.reminderLeadTimes) ? params.reminderLeadTimes : [];
  const windows = leads.map(durationMs).filter((ms): ms is number => ms !== undefined && ms > 0);
  return windows.length > 0 ? Math.min(...windows) : DEFAULT_DUE_SOON_MS;
}

function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value.trim());
  if (!match || value.trim() === 'P' || value.trim().endsWith('T')) return undefined;
  const [, w, d, h, m] = match;
  return (
    Number(w ?? 0) * UNIT_MS.W +
    Number(d ?? 0) * UNIT_MS.D +
    Number(h ?? 0) * UNIT_MS.H +
    Number(m ?? 0) * UNIT_MS.M
  );
}

/** "Now" and the end of the due-soon window, the same for every row of one answer. */
export interface DueWindow {
  now: Date;
  soonUntil: Date;
}

/** "Now" and the end of a district's due-soon window (the task views' `overdue`/`dueSoon`). */
@Injectable()
export class DueWindows {
  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(district: string): Promise<DueWindow> {
    const now = this.clock.now();
    const windowMs = dueSoonWindowMs(await this.platform.parameters.get(district));
    return { now, soonUntil: new Date(now.getTime() + windowMs) };
  }
}
