import { execFile, spawn } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DatabaseError, GO_MISSING_MESSAGE } from './database.error';
import type { DatabaseLog } from './database-log';

const execFileAsync = promisify(execFile);

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const MIN_GO: readonly [number, number] = [1, 24];

export function ferretDbBinaryPath(toolsDir: string): string {
  return join(toolsDir, 'bin', `ferretdb-${FERRETDB_VERSION}`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The installed Go version, or a DatabaseError saying to install Go or set MONGODB_URI. */
export async function goVersion(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync('go', ['version'], { env }));
  } catch (cause) {
    throw new DatabaseError('GO_NOT_FOUND', GO_MISSING_MESSAGE, { cause });
  }
  const match = /go(\d+)\.(\d+)/.exec(stdout);
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (major < MIN_GO[0] || (major === MIN_GO[0] && minor < MIN_GO[1])) {
    throw new DatabaseError('GO_TOO_OLD', `${GO_MISSING_MESSAGE} (found: ${stdout.trim()})`);
  }
  return `go${major}.${minor}`;
}

/**
 * Returns the path of the FerretDB binary, building it on first use.
 *
 * Why not a plain `go install …/cmd/ferretdb@v1.24.2`: the module as published lacks the
 * generated build/version/version.txt, so such a binary panics at start-up ("Invalid
 * build/version/version.txt"), and some module proxies also refuse the version-list lookup
 * that `go install pkg@version` makes. So we download exactly that module version (checked
 * against the Go checksum database), add the version file the upstream build generates, and
 * `go build` its cmd/ferretdb — the same code `go install` would compile.
 */
export async function ensureFerretDbBinary(
  toolsDir: string,
  log: DatabaseLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const binary = ferretDbBinaryPath(toolsDir);
  if (isExecutable(binary)) return binary;

  const go = await goVersion(env);
  log.info(
    `FerretDB ${FERRETDB_VERSION} is not built yet: building it with ${go} into ${toolsDir}. This happens once and can take a few minutes.`,
  );
  mkdirSync(join(toolsDir, 'bin'), { recursive: true });
  const workDir = mkdtempSync(join(toolsDir, 'build-'));
  try {
    log.info('[1/3] downloading the FerretDB module');
    const { stdout } = await run(
      'go',
      ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`],
      workDir,
      env,
    );
    const moduleDir = (JSON.parse(stdout) as { Dir?: string }).Dir;
    if (!moduleDir) throw new Error(`go mod download gave no directory: ${stdout}`);

    const sourceDir = join(workDir, 'src');
    cpSync(moduleDir, sourceDir, { recursive: true });
    makeWritable(sourceDir);
    writeFileSync(join(sourceDir, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);

    log.info('[2/3] downloading its dependencies');
    await run('go', ['mod', 'download'], sourceDir, env);

    log.info('[3/3] compiling (progress every 50 packages)');
    const output = join(workDir, 'ferretdb');
    let compiled = 0;
    await run(
      'go',
      ['build', '-v', '-trimpath', '-o', output, './cmd/ferretdb'],
      sourceDir,
      env,
      (line) => {
        compiled += 1;
        if (compiled % 50 === 0) log.info(`  compiled ${compiled} packages (latest: ${line})`);
      },
    );

    const { stdout: version } = await execFileAsync(output, ['--version']);
    if (!version.includes(FERRETDB_VERSION)) throw new Error(`built binary reports: ${version}`);
    renameSync(output, binary);
    log.info(`FerretDB ${FERRETDB_VERSION} built: ${binary}`);
    return binary;
  } catch (cause) {
    if (cause instanceof DatabaseError) throw cause;
    throw new DatabaseError(
      'FERRETDB_BUILD_FAILED',
      `Building FerretDB ${FERRETDB_VERSION} failed: ${(cause as Error).message}`,
      { cause },
    );
  } finally {
    makeWritable(workDir);
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Module-cache files are read-only; the copy must be writable to add a file and to be removed. */
function makeWritable(dir: string): void {
  try {
    chmodSync(dir, 0o755);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) makeWritable(join(dir, entry.name));
    }
  } catch {
    // already gone or never created
  }
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  onStderrLine?: (line: string) => void,
): Promise<{ stdout: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr = (stderr + text).slice(-8000);
      if (!onStderrLine) return;
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      lines.filter(Boolean).forEach(onStderrLine);
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolveRun({ stdout });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
    });
  });
}
