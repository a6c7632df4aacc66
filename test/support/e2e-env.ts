import { join } from 'node:path';
import { repoRoot } from '../../server/src/common/repo-paths';

/** What the browser tests share between global setup, the test files and global teardown. */

export const CHROMIUM_PATH = process.env.CONGRESSFLOW_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Screenshots (asked for and taken on failure) and the server's log: git-ignored. */
export const E2E_ARTIFACTS_DIR = join(repoRoot(), 'test-results', 'e2e');

/** Global setup publishes the running server's address here; test files read it. */
export const E2E_URL_VARIABLE = 'CONGRESSFLOW_E2E_URL';

/**
 * Known first passwords, handed to the demo seed through its own environment variables
 * (CONGRESSFLOW_ADMIN_PASSWORD / CONGRESSFLOW_DEMO_PASSWORD), so no test parses the banner.
 */
export const E2E_ADMIN_PASSWORD = 'E2e-admin-2026';
export const E2E_DEMO_PASSWORD = 'E2e-demo-2026';

/** The demo seed's accounts (server/src/seed/demo-data.ts) the tests sign in as. */
export const DEMO = {
  platformAdmin: 'admin',
  districtAdmin: 'demo-admin',
  deputy: 'deputy',
  deputyAffairs: 'deputyaffairs',
  office: 'office',
  unitEducation: 'unit-jyj',
  unitHousing: 'unit-zjj',
} as const;

export function e2eBaseUrl(): string {
  const url = process.env[E2E_URL_VARIABLE];
  if (!url) {
    throw new Error(
      `${E2E_URL_VARIABLE} is not set: run browser tests through jest's e2e project (npx jest --selectProjects e2e)`,
    );
  }
  return url;
}

export function passwordOf(username: string): string {
  return username === DEMO.platformAdmin ? E2E_ADMIN_PASSWORD : E2E_DEMO_PASSWORD;
}
