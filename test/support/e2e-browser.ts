import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_ARTIFACTS_DIR, e2eBaseUrl, passwordOf } from './e2e-env';
import { OPEN_PAGES_KEY } from './e2e-environment';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** How long a person would wait for something to show up on a loaded two-core machine. */
const PATIENCE_MS = 30_000;

export interface SignInOptions {
  viewport?: { width: number; height: number };
  /** Where to land after signing in (the login page's `next`); the inbox by default. */
  next?: string;
  /** For accounts the test made itself; the demo accounts' passwords are known. */
  password?: string;
}

function openPages(): Set<Page> {
  const holder = globalThis as unknown as Record<string, Set<Page> | undefined>;
  return (holder[OPEN_PAGES_KEY] ??= new Set<Page>());
}

/**
 * One Chromium for a test file; each person gets a browser context of their own (own cookies),
 * so several people can work side by side in one test.
 */
export class E2eBrowser {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async launch(): Promise<E2eBrowser> {
    const baseUrl = e2eBaseUrl();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    return new E2eBrowser(browser, baseUrl);
  }

  /** A fresh browser window (no session) at the given size, in Chinese, on Beijing time. */
  async newPage(viewport = DESKTOP): Promise<Page> {
    const phone = viewport.width < 600;
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      isMobile: phone,
      hasTouch: phone,
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(PATIENCE_MS);
    page.setDefaultNavigationTimeout(PATIENCE_MS);
    // the app's own errors (uncaught, or caught by an error boundary and logged) are bugs worth
    // seeing next to the failing step
    page.on('pageerror', (error) =>
      console.error(`page error at ${page.url()}:\n${error.stack ?? error.message}`),
    );
    page.on('console', (message) => {
      // not: failed requests (the screen says what failed) and libraries' "Warning: …" notes
      if (
        message.type() === 'error' &&
        !/^(Failed to load resource|Warning: )/.test(message.text())
      )
        console.error(`console error at ${page.url()}:\n${message.text()}`);
    });
    openPages().add(page);
    page.once('close', () => openPages().delete(page));
    return page;
  }

  /** Opens the login page and signs in as a person would: types the name and password, clicks 登录. */
  async signIn(username: string, options: SignInOptions = {}): Promise<Page> {
    const page = await this.newPage(options.viewport);
    const next = options.next ?? '/inbox';
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(options.password ?? passwordOf(username));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === next.split('?')[0]);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/**
 * Saves the whole page as test-results/e2e/<name>.png, as a person would see it on a screen tall
 * enough for all of it: the window grows to the page's height for the picture (so sticky bars sit
 * at the bottom and full-height menus reach it), animations are stopped at their end.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(E2E_ARTIFACTS_DIR, { recursive: true });
  const path = join(E2E_ARTIFACTS_DIR, `${name}.png`);
  const window = page.viewportSize();
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  if (window && height > window.height) {
    await page.setViewportSize({ width: window.width, height });
  }
  try {
    await page.screenshot({ path, animations: 'disabled' });
  } finally {
    if (window && height > window.height) await page.setViewportSize(window);
  }
  return path;
}
