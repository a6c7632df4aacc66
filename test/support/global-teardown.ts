import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__CONGRESSFLOW_TEST_FERRETDB__?.stop();
  const dataDir = globalThis.__CONGRESSFLOW_TEST_DATA_DIR__;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
