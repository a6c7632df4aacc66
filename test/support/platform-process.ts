import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../../server/src/common/repo-paths';
import { freeLoopbackPort } from '../../server/src/database/free-port';

/** The platform as a separate OS process, started the way `npm start` runs it (from source here). */
export class PlatformProcess {
  output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  }

  /** `entry`: main.ts (npm start) or cluster.ts (npm run start:cluster), with its arguments. */
  static async start(
    env: NodeJS.ProcessEnv,
    entry = 'main.ts',
    args: string[] = [],
  ): Promise<PlatformProcess> {
    const port = await freeLoopbackPort();
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join('server', 'src', entry), ...args],
      {
        cwd: repoRoot(),
        env: { ...process.env, MONGODB_URI: '', LOG_LEVEL: 'info', PORT: String(port), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new PlatformProcess(child, port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async health(): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}/api/health`);
    return { status: response.status, body: await response.json() };
  }

  async waitUntilHealthy(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`platform exited early:\n${this.output}`);
      try {
        if ((await this.health()).status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`platform not healthy after ${timeoutMs} ms:\n${this.output}`);
  }

  /** Exit code (null when killed by a signal). */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }
}

/** The pid the embedded FerretDB recorded in its data folder. */
export function ferretDbPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'ferretdb', 'ferretdb.pid'), 'utf8'));
}

export function isFerretDbRunning(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('ferretdb') && !/State:\s+Z/.test(status);
  } catch {
    return false;
  }
}

/** Every FerretDB process whose command line mentions this folder. */
export function ferretDbProcessesFor(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmdline.includes('ferretdb') && cmdline.includes(dataDir) && isFerretDbRunning(pid);
      } catch {
        return false;
      }
    });
}

/** Polls `condition`, running `between` before each look (a request that may change it). */
export async function waitFor(
  condition: () => boolean,
  timeoutMs = 10_000,
  between?: () => Promise<void>,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await between?.();
    if (condition()) return true;
    await sleep(50);
  }
  return condition();
}

/** The postmaster of the embedded PostgreSQL cluster in this data folder, while it runs. */
export function postgresPid(dataDir: string): number | undefined {
  try {
    const pidFile = readFileSync(join(dataDir, 'postgres', 'cluster', 'postmaster.pid'), 'utf8');
    const pid = Number(pidFile.split('\n')[0]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return /State:\s+Z/.test(status) ? undefined : pid;
  } catch {
    return undefined;
  }
}
