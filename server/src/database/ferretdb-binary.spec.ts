import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseError } from './database.error';
import { silentLog } from './database-log';
import { ensureFerretDbBinary, ferretDbBinaryPath, goVersion } from './ferretdb-binary';

const noGo = { ...process.env, PATH: '/nonexistent' };

describe('the FerretDB binary', () => {
  it('explains in one paragraph how to proceed when Go is missing', async () => {
    const error = await goVersion(noGo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('GO_NOT_FOUND');
    expect((error as DatabaseError).message).toMatch(/install Go 1\.24 or newer/);
    expect((error as DatabaseError).message).toMatch(/MONGODB_URI/);
    expect((error as DatabaseError).message).not.toMatch(/\n/);
  });

  it('fails with GO_NOT_FOUND, not a build attempt, when no binary exists and Go is missing', async () => {
    const tools = mkdtempSync(join(tmpdir(), 'cf-tools-'));
    await expect(ensureFerretDbBinary(tools, silentLog, noGo)).rejects.toMatchObject({
      code: 'GO_NOT_FOUND',
    });
  });

  it('uses an existing binary without needing Go', async () => {
    const tools = mkdtempSync(join(tmpdir(), 'cf-tools-'));
    const binary = ferretDbBinaryPath(tools);
    mkdirSync(join(tools, 'bin'));
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    await expect(ensureFerretDbBinary(tools, silentLog, noGo)).resolves.toBe(binary);
  });
});
