import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../../common/errors/app-error';

export interface PrinterOptions {
  /** Chromium's binary (CONGRESSFLOW_CHROMIUM). */
  executablePath: string;
  /** Documents printed at once; more wait their turn (each page costs ~50 MB). */
  concurrency?: number;
  timeoutMs?: number;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

/**
 * Prints a stored document's HTML to PDF with headless Chromium, so the PDF is the print view
 * itself: the template's @page A4 margins, its fonts (Noto CJK from Debian's fonts-noto-cjk
 * when the official ones are absent) and its page breaks. One browser per server process,
 * started on the first PDF and restarted if it dies; every document gets a fresh context with
 * script off and no network, so a document can reach nothing.
 */
export class ChromiumPrinter {
  private browser?: Promise<Browser>;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: PrinterOptions) {
    this.concurrency = options.concurrency ?? 2;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async pdf(html: string): Promise<Buffer> {
    await this.turn();
    try {
      const browser = await this.launched();
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(this.timeoutMs);
        await page.route('**/*', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort(),
        );
        await page.setContent(html, { waitUntil: 'load' });
        // a string, not a function: the server's TypeScript knows no DOM
        await page.evaluate('document.fonts.ready').catch(() => undefined);
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    await browser?.close().catch(() => undefined);
  }

  private launched(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.options.executablePath;
      try {
        accessSync(executablePath, constants.X_OK);
      } catch {
        throw new AppError(
          'RENDERER_UNAVAILABLE',
          `生成 PDF 需要 Chromium（${executablePath}）：请安装 Debian 软件包 chromium 与 fonts-noto-cjk，或设置 CONGRESSFLOW_CHROMIUM`,
        );
      }
      const launching = chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      this.browser = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = undefined;
          }),
        () => {
          if (this.browser === launching) this.browser = undefined;
        },
      );
    }
    return this.browser.catch((cause: unknown) => {
      throw new AppError('RENDERER_UNAVAILABLE', undefined, undefined, { cause });
    });
  }

  private async turn(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return;
    }
    // the releasing caller hands its slot over, so `running` stays counted
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
