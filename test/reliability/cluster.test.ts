/**
 * `npm run start:cluster -- --nodes 2` as documented: two server processes on one port over one
 * embedded database. A task completed through one process reads as completed on the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSRF_HEADER, CSRF_VALUE } from '../../server/src/auth/csrf';
import {
  ferretDbProcessesFor,
  PlatformProcess,
  postgresPid,
  waitFor,
} from '../support/platform-process';
import { FLEET_PASSWORD } from '../support/server-fleet';

const embeddedOnly = process.env.MONGODB_URI ? describe.skip : describe;

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs-rel-cluster" targetNamespace="http://congressflow.test/reliability">
  <bpmn:process id="rel-cluster" name="集群审批" isExecutable="true" camunda:candidateStarterGroups="office">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
    <bpmn:userTask id="approve" name="审批" camunda:formKey="rel-cluster-form" camunda:assignee="starter" />
    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** One request on a connection of its own, so the cluster may hand it to either process. */
async function call(base: string, method: string, path: string, cookie?: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      connection: 'close',
      [CSRF_HEADER]: CSRF_VALUE,
      ...(cookie && { cookie }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    process: response.headers.get('x-congressflow-process'),
    cookie: response.headers
      .getSetCookie()
      .find((c) => c.startsWith('cf_session='))
      ?.split(';')[0],
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

embeddedOnly('npm run start:cluster', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-cluster-'));
  let cluster: PlatformProcess;

  beforeAll(async () => {
    cluster = await PlatformProcess.start(
      {
        CONGRESSFLOW_DATA_DIR: dataDir,
        CONGRESSFLOW_DEMO_PASSWORD: FLEET_PASSWORD,
        CONGRESSFLOW_ADMIN_PASSWORD: FLEET_PASSWORD,
        LOG_LEVEL: 'warn',
      },
      'cluster.ts',
      ['--nodes', '2'],
    );
    await cluster.waitUntilHealthy();
  }, 180_000);

  afterAll(async () => {
    if (cluster && cluster.child.exitCode === null) {
      cluster.child.kill('SIGINT');
      await cluster.waitForExit();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves from two processes; a task completed through one is completed on the other', async () => {
    const base = cluster.url;
    // both processes answer, once the second is up
    const seen = new Set<string>();
    expect(
      await waitFor(
        () => seen.size === 2,
        60_000,
        async () => {
          const { process } = await call(base, 'GET', '/api/health');
          if (process) seen.add(process);
        },
      ),
    ).toBe(true);

    const login = await call(base, 'POST', '/api/auth/login', undefined, {
      username: 'demo-admin',
      password: FLEET_PASSWORD,
    });
    const cookie = login.cookie!;
    const form = await call(base, 'POST', '/api/forms/rel-cluster-form/versions', cookie, {
      schema: {
        type: 'object',
        'x-cf': { title: '审批', reads: [], writes: ['ok'] },
        properties: { ok: { type: 'boolean', title: '同意' } },
      },
    });
    expect(form.status).toBe(201);
    expect((await call(base, 'POST', '/api/definitions', cookie, { xml: PROCESS })).status).toBe(
      201,
    );
    const office = (
      await call(base, 'POST', '/api/auth/login', undefined, {
        username: 'office',
        password: FLEET_PASSWORD,
      })
    ).cookie!;
    const started = await call(base, 'POST', '/api/instances', office, {
      processKey: 'rel-cluster',
      data: {},
    });
    expect(started.status).toBe(201);
    const mine = await call(base, 'GET', '/api/tasks?view=mine&processKey=rel-cluster', office);
    const taskId = (mine.body.items as { id: string }[])[0].id;

    const done = await call(base, 'POST', `/api/tasks/${taskId}/complete`, office, {
      data: { ok: true },
    });
    expect(done.status).toBe(204);
    let other: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 20 && !other; i++) {
      const read = await call(base, 'GET', `/api/tasks/${taskId}`, office);
      if (read.process !== done.process) other = read;
    }
    expect(other?.status).toBe(200);
    expect(other?.body.task).toMatchObject({ id: taskId, status: 'completed' });
  });

  it('stops every process, FerretDB and PostgreSQL on Ctrl-C', async () => {
    cluster.child.kill('SIGINT');
    expect(await cluster.waitForExit()).toBe(0);
    expect(ferretDbProcessesFor(dataDir)).toEqual([]);
    expect(await waitFor(() => postgresPid(dataDir) === undefined)).toBe(true);
  });
});
