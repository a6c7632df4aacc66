import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../../server/src/common/repo-paths';
import { freeLoopbackPort } from '../../server/src/database/free-port';
import { ensureSystemPackage } from '../../server/src/common/system-packages';
import {
  CHROMIUM_PATH,
  E2E_ADMIN_PASSWORD,
  E2E_ARTIFACTS_DIR,
  E2E_DEMO_PASSWORD,
  E2E_URL_VARIABLE,
} from './e2e-env';
import { TEST_RUNS_DIR, TOOLS_DIR } from './test-env';

export interface E2eServer {
  child: ChildProcess;
  dataDir: string;
  url: string;
  exited: Promise<void>;
  stopOnExit: () => void;
}

declare global {
  var __CONGRESSFLOW_E2E_SERVER__: E2eServer | undefined;
}

const ROOT = repoRoot();
const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const WEB_DIST_INDEX = join(ROOT, 'designer', 'dist', 'index.html');
/** Everything the web app's bundle is made of (designer/src also imports processes/parameters.json). */
const WEB_INPUTS = [
  'designer/src',
  'designer/public',
  'designer/index.html',
  'designer/vite.config.ts',
  'designer/tsconfig.json',
  'processes/parameters.json',
  'package-lock.json',
];

/**
 * The browser tests' world: chromium present, the web app built (rebuilt when designer/dist is
 * older than its sources, ~1 minute), and the real server running as a child process — from
 * source, as `npm start` runs it — on a free port, with a fresh embedded FerretDB in its own data
 * folder and the demo seed with known passwords.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  await ensureSystemPackage(
    { debian: 'chromium', purpose: `Chromium for the browser tests (at ${CHROMIUM_PATH})` },
    chromiumPresent,
    { info: (message) => console.log(`[e2e] ${message}`) },
  );
  // Chinese text in the screenshots (and the official documents' PDFs) needs a CJK font
  await ensureSystemPackage(
    { debian: 'fonts-noto-cjk', purpose: 'the Noto CJK fonts, for Chinese text in Chromium' },
    () => existsSync(NOTO_CJK),
    { info: (message) => console.log(`[e2e] ${message}`) },
  );
  // pdftoppm and pdftotext read the official documents' PDFs back
  await ensureSystemPackage(
    { debian: 'poppler-utils', purpose: 'pdftoppm and pdftotext, to read PDFs in the tests' },
    () => existsSync('/usr/bin/pdftoppm'),
    { info: (message) => console.log(`[e2e] ${message}`) },
  );
  mkdirSync(E2E_ARTIFACTS_DIR, { recursive: true });
  // while writing a test: a server already running with the demo seed and the e2e passwords
  if (process.env[E2E_URL_VARIABLE]) return;
  buildWebAppIfStale();
  const server = await startServer();
  globalThis.__CONGRESSFLOW_E2E_SERVER__ = server;
  process.env[E2E_URL_VARIABLE] = server.url;
}

function chromiumPresent(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as a newer directory
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildWebAppIfStale(): void {
  const built = existsSync(WEB_DIST_INDEX) ? statSync(WEB_DIST_INDEX).mtimeMs : 0;
  const sources = Math.max(...WEB_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  if (built > sources && process.env.CONGRESSFLOW_E2E_BUILD !== 'always') return;
  console.log(
    built === 0
      ? '\ne2e: building the web app (designer/dist is missing) …'
      : '\ne2e: rebuilding the web app (designer/dist is older than its sources) …',
  );
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'designer/vite.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    throw new Error('e2e: the web app does not build (npm run build:designer shows why)');
  }
}

async function startServer(): Promise<E2eServer> {
  mkdirSync(TEST_RUNS_DIR, { recursive: true });
  const dataDir = mkdtempSync(join(TEST_RUNS_DIR, 'e2e-'));
  const log = createWriteStream(join(E2E_ARTIFACTS_DIR, 'server.log'));
  let lastOutput = '';
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    const server = spawnServer(port, dataDir);
    server.child.stdout?.on('data', (chunk: Buffer) => log.write(chunk));
    server.child.stderr?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      lastOutput = (lastOutput + chunk.toString()).slice(-4000);
    });
    const outcome = await waitUntilHealthy(server, 180_000);
    if (outcome === 'healthy') return server;
    server.stopOnExit();
    await Promise.race([server.exited, sleep(15_000, undefined, { ref: false })]);
    if (attempt === 3 || !/EADDRINUSE/.test(lastOutput)) {
      throw new Error(
        `e2e: the server did not start (${outcome}); test-results/e2e/server.log has its output:\n${lastOutput}`,
      );
    }
  }
}

function spawnServer(port: number, dataDir: string): E2eServer {
  const node = [process.execPath, '-r', '@swc-node/register', join('server', 'src', 'main.ts')];
  // setpriv: the kernel stops the server (and it its FerretDB) should this process be killed
  const [command, ...args] = existsSync('/usr/bin/setpriv')
    ? ['/usr/bin/setpriv', '--pdeathsig', 'SIGTERM', ...node]
    : node;
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      MONGODB_URI: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      CONGRESSFLOW_DB_NAME: 'congressflow',
      CONGRESSFLOW_DATA_DIR: dataDir,
      CONGRESSFLOW_TOOLS_DIR: TOOLS_DIR,
      // the server prints documents to PDF with the same Chromium the tests drive
      CONGRESSFLOW_CHROMIUM: CHROMIUM_PATH,
      CONGRESSFLOW_SEED_DEMO: 'true',
      CONGRESSFLOW_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      CONGRESSFLOW_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      // the tests sign in often, from one address
      CONGRESSFLOW_LOGIN_RATE_PER_MINUTE: '10000',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // 'close': the process has ended and its output pipes are closed (no handle keeps jest alive)
  const exited = new Promise<void>((resolveExit) => child.once('close', () => resolveExit()));
  const stopOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stopOnExit);
  return { child, dataDir, url: `http://127.0.0.1:${port}`, exited, stopOnExit };
}

async function waitUntilHealthy(server: E2eServer, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return 'it exited';
    try {
      const response = await fetch(`${server.url}/api/health`);
      if (response.status === 200) return 'healthy';
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return `not healthy after ${timeoutMs / 1000} s`;
}
