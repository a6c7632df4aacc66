import type { Connection } from 'mongoose';
import type { CommandStartedEvent, Db, Document } from 'mongodb';

/**
 * What the code sends, and how the database answers it: records the reads and the filters of the
 * writes a connection sends, then asks the server to explain each distinct one. A plan that reads
 * a whole collection is a finding: on a collection that grows with use, its cost grows with the
 * data (docs/performance.md, "Query plans").
 */

/** One filter the code sent: the collection, the command it came with, and the filter. */
export interface RecordedQuery {
  collection: string;
  command: string;
  filter: Document;
  /** A find's limit, when it has one. */
  limit?: number;
  /** The test step that sent it, for the message of a finding. */
  step: string;
}

const FILTERED_COMMANDS = [
  'find',
  'count',
  'delete',
  'update',
  'findAndModify',
  'aggregate',
  'distinct',
];

export class CommandRecorder {
  private readonly seen = new Map<string, RecordedQuery>();
  private step = 'setup';
  private recording = false;
  private readonly listener = (event: CommandStartedEvent) => this.record(event);

  constructor(private readonly connection: Connection) {
    connection.getClient().on('commandStarted', this.listener);
  }

  /** Records what `body` sends, labelled with `step`. */
  async during<T>(step: string, body: () => Promise<T>): Promise<T> {
    this.step = step;
    this.recording = true;
    try {
      return await body();
    } finally {
      this.recording = false;
    }
  }

  queries(): RecordedQuery[] {
    return [...this.seen.values()];
  }

  stop(): void {
    this.connection.getClient().removeListener('commandStarted', this.listener);
  }

  private record(event: CommandStartedEvent): void {
    if (!this.recording || !FILTERED_COMMANDS.includes(event.commandName)) return;
    const command = event.command;
    const collection = String(command[event.commandName]);
    for (const filter of filtersOf(event.commandName, command)) {
      const shape = `${collection} ${event.commandName} ${JSON.stringify(shapeOf(filter))}`;
      const limit = event.commandName === 'find' ? Number(command.limit) || undefined : undefined;
      if (!this.seen.has(shape))
        this.seen.set(shape, {
          collection,
          command: event.commandName,
          filter,
          ...(limit !== undefined && { limit }),
          step: this.step,
        });
    }
  }
}

function filtersOf(name: string, command: Document): Document[] {
  switch (name) {
    case 'find':
    case 'count':
    case 'distinct':
      return [command.filter ?? command.query ?? {}];
    case 'findAndModify':
      return [command.query ?? {}];
    case 'update':
      return (command.updates as Document[]).map((statement) => statement.q as Document);
    case 'delete':
      return (command.deletes as Document[]).map((statement) => statement.q as Document);
    case 'aggregate': {
      const first = (command.pipeline as Document[])[0];
      return [first?.$match ?? {}];
    }
    default:
      return [];
  }
}

/** The filter with its values blanked: two queries of one shape are one finding. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Document).map(([key, inner]) => [key, shapeOf(inner)]);
    return Object.fromEntries(entries.sort(([a], [b]) => String(a).localeCompare(String(b))));
  }
  return typeof value;
}

/** A read whose cost grows with the collection, and why. */
export interface FullScan {
  query: RecordedQuery;
  /** `Seq Scan on <table>`, `COLLSCAN`, or which fields narrow the read and why that is not enough. */
  plan: string;
}

/**
 * Fields that alone select a share of a collection that grows with it (every open task of a
 * district, every pending job): a read narrowed by these only grows with the data.
 */
const UNSELECTIVE_FIELDS = new Set(['district', 'status', 'open', 'disabled', 'kind', 'type']);

/**
 * Checks each query three ways. What FerretDB 1.24 hands to PostgreSQL is the top-level
 * equalities on plain values (engine/src/storage/pushdown-filter.ts); the rest it evaluates over
 * every row those return. So a query must (1) push at least one selective equality, (2) have an
 * index holding such a field, and (3) get a plan without a whole-collection read — on FerretDB
 * PostgreSQL's plan of the SQL it sends, on MongoDB the winning plan. (1) and (2) do not depend
 * on what the planner makes of a small test database.
 */
export async function findFullScans(db: Db, queries: RecordedQuery[]): Promise<FullScan[]> {
  const found: FullScan[] = [];
  const indexed = new Map<string, string[][]>();
  for (const query of queries) {
    if (isBatchRead(query)) {
      // a queue taken in batches (e.g. the task-list changes not yet folded): bounded by the
      // limit whatever the collection holds, if the server stops reading at the limit
      const plan = await explain(db, query);
      if (!hasLimit(plan))
        found.push({ query, plan: 'reads the whole queue: no limit in the plan' });
      continue;
    }
    const pushed = pushedFields(query.filter);
    const selective = pushed.filter((field) => !UNSELECTIVE_FIELDS.has(field));
    if (selective.length === 0) {
      found.push({ query, plan: `narrowed by ${pushed.join(', ') || 'nothing'} only` });
      continue;
    }
    if (!indexed.has(query.collection)) {
      // a collection no one has written to yet has no indexes either
      const indexes = await db
        .collection(query.collection)
        .indexes()
        .catch(() => []);
      indexed.set(
        query.collection,
        indexes.map((index) => Object.keys(index.key)),
      );
    }
    const usable =
      selective.includes('_id') ||
      indexed.get(query.collection)!.some((keys) => keys.some((key) => selective.includes(key)));
    if (!usable) {
      found.push({ query, plan: `no index on ${selective.join(' or ')}` });
      continue;
    }
    const scans = fullScansIn(await explain(db, query));
    if (scans.length > 0) found.push({ query, plan: scans.join(', ') });
  }
  return found;
}

function isBatchRead(query: RecordedQuery): boolean {
  return query.command === 'find' && Object.keys(query.filter).length === 0 && !!query.limit;
}

function explain(db: Db, query: RecordedQuery): Promise<Document> {
  const find = {
    find: query.collection,
    filter: query.filter,
    ...(query.limit && { limit: query.limit }),
  };
  return db.command({ explain: find, verbosity: 'queryPlanner' });
}

/** Whether the plan stops at a limit: PostgreSQL's Limit node, MongoDB's LIMIT stage or limit. */
export function hasLimit(explained: Document): boolean {
  let found = false;
  const visit = (node: unknown) => {
    if (found || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const plan = node as Document;
    if (
      plan['Node Type'] === 'Limit' ||
      plan.stage === 'LIMIT' ||
      typeof plan.limitAmount === 'number'
    )
      found = true;
    Object.values(plan).forEach(visit);
  };
  const planner = explained.queryPlanner as Document | undefined;
  visit(planner?.winningPlan ?? planner);
  return found;
}

/** The fields of the conditions FerretDB pushes down: top-level equalities on plain values. */
export function pushedFields(filter: Document): string[] {
  const plain = (value: unknown) =>
    ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date;
  return Object.entries(filter)
    .filter(([key, value]) => {
      if (key.startsWith('$')) return false;
      if (plain(value)) return true;
      const operators = value !== null && typeof value === 'object' ? Object.keys(value) : [];
      return operators.includes('$eq') && plain((value as Document).$eq);
    })
    .map(([key]) => key);
}

/** The whole-collection reads of an explain answer of either server. */
export function fullScansIn(explained: Document): string[] {
  const scans: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const plan = node as Document;
    if (plan['Node Type'] === 'Seq Scan')
      scans.push(`Seq Scan on ${String(plan['Relation Name'])}`);
    if (plan.stage === 'COLLSCAN') scans.push('COLLSCAN');
    Object.values(plan).forEach(visit);
  };
  const planner = explained.queryPlanner as Document | undefined;
  // MongoDB lists the plans it rejected beside the one it runs: only the winner counts
  visit(planner?.winningPlan ?? planner);
  return scans;
}

export function describeScan({ query, plan }: FullScan): string {
  return `${query.step}: ${query.command} ${query.collection} ${JSON.stringify(query.filter)} → ${plan}`;
}
