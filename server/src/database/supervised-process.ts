import { type ChildProcess, spawn } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseLog } from './database-log';

const SETPRIV = '/usr/bin/setpriv';

export interface SpawnSupervisedOptions {
  logFile: string;
  /**
   * Run as this system user (PostgreSQL refuses to run as root). It keeps the right to traverse
   * directories (CAP_DAC_READ_SEARCH) so a data folder under a private home still works.
   */
  asUser?: string;
  /** Sent to the child when the parent dies (PostgreSQL wants SIGINT: fast shutdown). */
  parentDeathSignal?: NodeJS.Signals;
}

/**
 * Spawns a database child that dies with its parent: the kernel's parent-death signal
 * (setpriv --pdeathsig) covers a parent that is SIGKILLed; the caller stops it otherwise.
 */
export function spawnSupervised(
  binary: string,
  args: string[],
  options: SpawnSupervisedOptions,
): ChildProcess {
  const log = openSync(options.logFile, 'a');
  try {
    const [command, commandArgs] = commandAs(options.asUser, binary, args, [
      '--pdeathsig',
      options.parentDeathSignal ?? 'SIGTERM',
    ]);
    return spawn(command, commandArgs, { stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
}

/** The command line that runs `binary` as `asUser` (when given) through setpriv. */
export function commandAs(
  asUser: string | undefined,
  binary: string,
  args: string[],
  extraSetprivArgs: string[] = [],
): [string, string[]] {
  if (!hasSetpriv()) {
    if (asUser) throw new Error(`${SETPRIV} is needed to run ${binary} as ${asUser}`);
    return [binary, args];
  }
  if (!asUser && extraSetprivArgs.length === 0) return [binary, args];
  const prefix = [...extraSetprivArgs];
  if (asUser) {
    prefix.push(
      `--reuid=${asUser}`,
      `--regid=${asUser}`,
      '--init-groups',
      '--inh-caps=+dac_read_search',
      '--ambient-caps=+dac_read_search',
    );
  }
  return [SETPRIV, [...prefix, '--', binary, ...args]];
}

/** Stops a child with `signal`, then SIGKILL after `graceMs`; resolves once it has exited. */
export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals,
  graceMs = 10_000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill(signal);
  const stopped = await Promise.race([
    exited.then(() => true),
    // unref'd: a pending timer must not hold the caller's event loop open
    sleep(graceMs, undefined, { ref: false }).then(() => false),
  ]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * A server left running by a crashed parent still holds the data files: stop it before starting.
 * `pidFile`'s first line is the pid; `commandPart` must appear in its command line (pid reuse).
 */
export async function stopLeftover(
  pidFile: string,
  commandPart: string,
  log: DatabaseLog,
  signal: NodeJS.Signals = 'SIGTERM',
  removePidFile = true,
): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]?.trim());
  if (removePidFile) rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || !runs(pid, commandPart)) return;
  log.warn(`stopping a ${commandPart} left over from an earlier run`, { pid });
  process.kill(pid, signal);
  for (let i = 0; i < 200 && runs(pid, commandPart); i++) await sleep(50);
  if (runs(pid, commandPart)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && runs(pid, commandPart); i++) await sleep(50);
}

function runs(pid: number, commandPart: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(commandPart);
  } catch {
    return false;
  }
}

function hasSetpriv(): boolean {
  try {
    accessSync(SETPRIV, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function tailOf(file: string, lines = 5): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
