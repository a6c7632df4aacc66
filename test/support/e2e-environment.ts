import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';
import type { Page } from 'playwright-core';
import { E2E_ARTIFACTS_DIR } from './e2e-env';

/** Where test files register the pages they have open (see e2e-browser.ts). */
export const OPEN_PAGES_KEY = '__CONGRESSFLOW_E2E_PAGES__';

/**
 * Node's environment plus one thing: when a test or hook fails, every page the test has open is
 * saved as `test-results/e2e/failed-<test>-<n>.png`, so the screen at the moment of failure can
 * be looked at.
 */
export default class E2eEnvironment extends NodeEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const pages = this.global[OPEN_PAGES_KEY] as Set<Page> | undefined;
    if (!pages || pages.size === 0) return;
    const name = event.name === 'test_fn_failure' ? event.test.name : `${event.hook.type}`;
    const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    mkdirSync(E2E_ARTIFACTS_DIR, { recursive: true });
    let n = 0;
    for (const page of pages) {
      if (page.isClosed()) continue;
      const path = join(E2E_ARTIFACTS_DIR, `failed-${slug}-${++n}.png`);
      await page.screenshot({ path, fullPage: true, timeout: 10_000 }).catch(() => undefined);
    }
  }
}
