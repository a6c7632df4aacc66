/** `GET /statistics` (docs/api.md "Statistics"; server/src/statistics/statistics-tally.ts). */

export interface Rate {
  count: number;
  total: number;
  /** null when there is nothing to rate */
  rate: number | null;
}

export type StatusCounts = Record<string, number>;

export interface UnitFigures {
  unitId: string;
  name?: string;
  total: number;
  completed: number;
  replied: number;
  onTime: Rate;
  satisfaction: Rate;
  replyCodes: { code: string; count: number }[];
}

export interface Statistics {
  byProcess: { processKey: string; processName?: string; total: number; byStatus: StatusCounts }[];
  byStatus: StatusCounts;
  onTimeRate: { tasks: Rate; instances: Rate };
  satisfactionRate: Rate;
  replyCodes: { code: string; label?: string; count: number; share: number }[];
  units: UnitFigures[];
}

export const STATUS_ORDER = ['running', 'suspended', 'incident', 'completed', 'cancelled'] as const;

export const STATUS_COLOURS: Record<string, string> = {
  running: '#1677ff',
  suspended: '#faad14',
  incident: '#ff4d4f',
  completed: '#52c41a',
  cancelled: '#bfbfbf',
};

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}
