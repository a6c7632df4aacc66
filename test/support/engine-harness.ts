import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessEngine, type ProcessEngineOptions, VirtualClock } from '../../engine/src';
import { openTestDatabase, type TestDatabase } from './test-database';

export const DISTRICT = 'test-district';

/** A real engine on this test file's own FerretDB database, on virtual time. */
export interface EngineHarness {
  db: TestDatabase;
  clock: VirtualClock;
  engine: ProcessEngine;
  /** Another engine object over the same database, as after a restart or in a second server process. */
  restart(options?: Partial<ProcessEngineOptions>): Promise<ProcessEngine>;
  deployFixture(name: string): Promise<string>;
  dispose(): Promise<void>;
}

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'engine', `${name}.bpmn`), 'utf8');
}

export async function createEngineHarness(
  options: Partial<ProcessEngineOptions> = {},
): Promise<EngineHarness> {
  const db = await openTestDatabase();
  const clock = new VirtualClock('2026-03-02T09:00:00+08:00');
  const make = (extra: Partial<ProcessEngineOptions> = {}) =>
    ProcessEngine.create({ connection: db.connection, clock, ...options, ...extra });
  const engine = await make();
  return {
    db,
    clock,
    engine,
    restart: make,
    async deployFixture(name) {
      const deployment = await engine.deploy(fixture(name), { district: DISTRICT });
      return deployment._id;
    },
    dispose: () => db.dispose(),
  };
}

export const DAY = 24 * 60 * 60 * 1000;
export const staff = (userId: string, ...groups: string[]) => ({ userId, groups });
