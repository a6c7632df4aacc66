import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ferretDbProcessesFor, waitFor } from './platform-process';

/** Stops the e2e server (which stops its FerretDB), makes sure nothing is left, drops its data. */
export default async function e2eGlobalTeardown(): Promise<void> {
  const server = globalThis.__CONGRESSFLOW_E2E_SERVER__;
  if (!server) return;
  globalThis.__CONGRESSFLOW_E2E_SERVER__ = undefined;
  server.stopOnExit();
  process.removeListener('exit', server.stopOnExit);
  const stopped = await Promise.race([
    server.exited.then(() => true),
    sleep(30_000, false, { ref: false }),
  ]);
  if (!stopped) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  // the server stops its FerretDB; should it not have, stop what runs on this run's folder
  for (const pid of ferretDbProcessesFor(server.dataDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await waitFor(() => ferretDbProcessesFor(server.dataDir).length === 0, 10_000);
  rmSync(server.dataDir, { recursive: true, force: true });
}
