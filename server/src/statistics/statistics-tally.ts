import type { InstanceStatus } from '../../../engine/src';
import { PROCESS_FIGURES, valueAt } from './process-figures';

/** `count` of `total`; `rate` = count / total, null when there is nothing to rate. */
export interface Rate {
  count: number;
  total: number;
  rate: number | null;
}

export type StatusCounts = Record<InstanceStatus, number>;

export interface UnitFigures {
  unitId: string;
  name?: string;
  /** Instances the unit handles (lead unit). */
  total: number;
  completed: number;
  /** Instances with a reply code: the unit has replied. */
  replied: number;
  onTime: Rate;
  satisfaction: Rate;
  replyCodes: { code: string; count: number }[];
}

/** `GET /statistics` (docs/api.md "Statistics"). */
export interface Statistics {
  byProcess: { processKey: string; processName?: string; total: number; byStatus: StatusCounts }[];
  byStatus: StatusCounts;
  /** Completed tasks with a due date, completed by it; finished instances that kept their deadline. */
  onTimeRate: { tasks: Rate; instances: Rate };
  /** Rated instances whose rating counts as satisfied (满意, 基本满意). */
  satisfactionRate: Rate;
  /** Shares of the instances with a reply code. */
  replyCodes: { code: string; label?: string; count: number; share: number }[];
  units: UnitFigures[];
}

export interface InstanceRow {
  processKey: string;
  status: InstanceStatus;
  variables?: Record<string, unknown>;
}

export interface TaskRow {
  dueAt?: Date;
  completedAt?: Date;
}

export interface Names {
  process(key: string): string | undefined;
  unit(id: string): string | undefined;
  replyCode(code: string): string | undefined;
}

const STATUSES: InstanceStatus[] = ['running', 'completed', 'cancelled', 'suspended', 'incident'];

const zeroStatuses = (): StatusCounts =>
  Object.fromEntries(STATUSES.map((status) => [status, 0])) as StatusCounts;

interface UnitCounter {
  total: number;
  completed: number;
  replied: number;
  onTime: [number, number];
  satisfied: [number, number];
  codes: Map<string, number>;
}

/**
 * Counts instances and tasks one row at a time (rows are streamed from the database: FerretDB has
 * no $facet or $lookup), so memory stays flat however many instances a district has.
 */
export class StatisticsTally {
  private readonly processes = new Map<string, StatusCounts>();
  private readonly statuses = zeroStatuses();
  private readonly tasksOnTime: [number, number] = [0, 0];
  private readonly instancesOnTime: [number, number] = [0, 0];
  private readonly satisfied: [number, number] = [0, 0];
  private readonly codes = new Map<string, number>();
  private readonly units = new Map<string, UnitCounter>();

  addInstance(row: InstanceRow): void {
    let counts = this.processes.get(row.processKey);
    if (!counts) this.processes.set(row.processKey, (counts = zeroStatuses()));
    counts[row.status] += 1;
    this.statuses[row.status] += 1;
    const figures = PROCESS_FIGURES[row.processKey];
    if (!figures) return;
    const code = figures.replyCode ? text(valueAt(row.variables, figures.replyCode)) : undefined;
    const rating = figures.satisfaction
      ? text(valueAt(row.variables, figures.satisfaction.variable))
      : undefined;
    const isSatisfied = rating !== undefined && figures.satisfaction!.satisfied.includes(rating);
    const onTime = figures.onTime ? valueAt(row.variables, figures.onTime) : undefined;
    if (code) this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
    if (rating) tick(this.satisfied, isSatisfied);
    if (typeof onTime === 'boolean') tick(this.instancesOnTime, onTime);

    const unitId = figures.unit ? text(valueAt(row.variables, figures.unit)) : undefined;
    if (!unitId) return;
    const unit = this.unit(unitId);
    unit.total += 1;
    if (row.status === 'completed') unit.completed += 1;
    if (code) {
      unit.replied += 1;
      unit.codes.set(code, (unit.codes.get(code) ?? 0) + 1);
    }
    if (rating) tick(unit.satisfied, isSatisfied);
    if (typeof onTime === 'boolean') tick(unit.onTime, onTime);
  }

  addTask(row: TaskRow): void {
    if (!row.dueAt || !row.completedAt) return;
    tick(this.tasksOnTime, row.completedAt.getTime() <= row.dueAt.getTime());
  }

  result(names: Names): Statistics {
    const coded = [...this.codes.values()].reduce((sum, n) => sum + n, 0);
    return {
      byProcess: [...this.processes]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([processKey, byStatus]) => ({
          processKey,
          ...optional('processName', names.process(processKey)),
          total: STATUSES.reduce((sum, status) => sum + byStatus[status], 0),
          byStatus,
        })),
      byStatus: this.statuses,
      onTimeRate: { tasks: rate(this.tasksOnTime), instances: rate(this.instancesOnTime) },
      satisfactionRate: rate(this.satisfied),
      replyCodes: sortedCodes(this.codes).map(({ code, count }) => ({
        code,
        ...optional('label', names.replyCode(code)),
        count,
        share: count / coded,
      })),
      units: [...this.units]
        .sort(([, a], [, b]) => b.total - a.total)
        .map(([unitId, unit]) => ({
          unitId,
          ...optional('name', names.unit(unitId)),
          total: unit.total,
          completed: unit.completed,
          replied: unit.replied,
          onTime: rate(unit.onTime),
          satisfaction: rate(unit.satisfied),
          replyCodes: sortedCodes(unit.codes),
        })),
    };
  }

  /** The unit ids seen, to look their names up once. */
  unitIds(): string[] {
    return [...this.units.keys()];
  }

  private unit(id: string): UnitCounter {
    let unit = this.units.get(id);
    if (!unit) {
      unit = {
        total: 0,
        completed: 0,
        replied: 0,
        onTime: [0, 0],
        satisfied: [0, 0],
        codes: new Map(),
      };
      this.units.set(id, unit);
    }
    return unit;
  }
}

function tick(counter: [number, number], yes: boolean): void {
  if (yes) counter[0] += 1;
  counter[1] += 1;
}

function rate([count, total]: [number, number]): Rate {
  return { count, total, rate: total === 0 ? null : count / total };
}

function sortedCodes(codes: Map<string, number>): { code: string; count: number }[] {
  return [...codes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => ({ code, count }));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [k in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: string };
}
