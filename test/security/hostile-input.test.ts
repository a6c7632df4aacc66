/**
 * Hostile input, generated from the router and the OpenAPI document, so that a new route is
 * covered without a new test: every POST/PUT/PATCH route gets bodies of the wrong shape, wrong
 * types, operator objects, huge strings, deep nesting and prototype-polluting keys — and answers
 * 400 (naming the field) or 413, never 5xx, with nothing changed in the database. Every OpenAPI
 * operation refuses an anonymous caller; every route taking an id of district A answers district
 * B's administrator exactly as for an id that exists nowhere. Figures: docs/reliability.md.
 */
import type { Document } from 'mongodb';
import {
  createWorld,
  deliverNotifications,
  register,
  settle,
  startReview,
  type WorkflowWorld,
} from '../api/workflow.fixture';
import { type Agent, ApiHarness } from '../support/api-app';
import { unusedIdLike } from '../support/api-probes';
import { concretePath, listRoutes, type Route } from '../support/api-routes';
import {
  bodySchemaOf,
  fingerprint,
  hostileBodies,
  type OpenApiDocument,
  plausibleBody,
} from '../support/hostile-bodies';

const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/health']);
/** Routes left out on purpose, and why. */
const NOT_PROBED: Record<string, string> = {
  'POST /api/auth/logout': 'ends the session the probes run in; takes no body',
};
/** Validators whose answer to bad content is 200 with the problems found (a dry run). */
const DRY_RUNS = new Set(['POST /api/definitions/validate']);
/** Path parameters that name something of every district, not one district's record. */
const SHARED_NAMES: Record<string, string> = {
  'PUT /api/roles/:key': 'role keys are the same catalogue in every district',
  'POST /api/templates/:key/apply-update': 'template keys name the shared library',
};

let api: ApiHarness;
let world: WorkflowWorld;
let probe: Agent;
let openApi: OpenApiDocument;
let routes: Route[];
/** A real id of district A for each route prefix, so the probes reach real records. */
let ids: Record<string, string>;

beforeAll(async () => {
  api = await ApiHarness.start();
  world = await createWorld(api);
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const file = (
    await world.as.starter.post('/api/files').attach('file', pdf, { filename: 'a.pdf' })
  ).body as { id: string; name: string; size: number; contentType: string };
  const instanceId = await startReview(
    api,
    world,
    { title: '修缮道路', amount: 3, files: [file] },
    'SEC-1',
  );
  const approveId = await register(api, world, instanceId);
  const claimed = await world.as.committee.post(`/api/tasks/${approveId}/claim`).send({});
  expect(claimed.status).toBe(200);
  const done = await world.as.committee
    .post(`/api/tasks/${approveId}/complete`)
    .send({ data: { approved: true } });
  expect(done.status).toBe(204);
  await settle(api);
  await deliverNotifications(api);
  const db = api.db.connection.db!;
  const one = async (collection: string, filter: Document) =>
    String((await db.collection(collection).findOne(filter))?._id);
  ids = {
    users: world.starter.id,
    units: await api.createUnit(world.district),
    instances: instanceId,
    tasks: approveId,
    documents: await one('documents', { district: world.district }),
    notifications: await one('notifications', { district: world.district }),
    definitions: 'rv-review',
    forms: 'rv-apply',
    version: '1',
    files: file.id,
  };
  // one user who passes every access rule, so the probes reach validation
  const superUser = await api.createUser(world.district, {
    isDistrictAdmin: true,
    isPlatformAdmin: true,
    roles: ['office', 'committee', 'deputyAffairs', 'council', 'deputy'],
  });
  probe = await api.loginAs(superUser);
  openApi = (await probe.get('/api/docs-json')).body as OpenApiDocument;
  routes = listRoutes(api.app).filter((route) => !route.path.startsWith('/api/docs'));
}, 120_000);

afterAll(async () => {
  await api?.close();
});

const key = (route: Route) => `${route.method} ${route.path}`;

/** The route with district A's ids put in. */
function pathOf(route: Route, foreign = false): string {
  const prefix = route.path.split('/')[2];
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const id = name === 'version' ? ids.version : ids[prefix];
    if (id === undefined) return 'probe-0000';
    return foreign ? unusedIdLike(id) : id;
  });
}

function operationOf(route: Route) {
  const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
  return openApi.paths[path]?.[route.method.toLowerCase()];
}

function send(agent: Agent, method: string, path: string, json?: string) {
  const request = agent[method.toLowerCase() as 'post' | 'put' | 'patch' | 'get' | 'delete'](path);
  return json === undefined ? request : request.set('Content-Type', 'application/json').send(json);
}

describe('hostile request bodies', () => {
  it('are refused with 400 naming the field, or 413, never 5xx, and change nothing', async () => {
    const writes = routes.filter(
      (route) => ['POST', 'PUT', 'PATCH'].includes(route.method) && !NOT_PROBED[key(route)],
    );
    expect(writes.length).toBeGreaterThan(30);
    const findings: string[] = [];
    let tried = 0;
    const db = api.db.connection.db!;
    for (const route of writes) {
      const operation = operationOf(route);
      if (!operation) {
        findings.push(`${key(route)}: not in the OpenAPI document`);
        continue;
      }
      const schema = bodySchemaOf(openApi, operation);
      // a route without a body ignores what it is sent: it must still never fail on it
      const bodies = schema
        ? hostileBodies(openApi, schema)
        : [{ label: 'a polluting body', json: '{"__proto__":{"polluted":true}}' }];
      const before = schema ? await fingerprint(db) : undefined;
      for (const body of bodies) {
        tried++;
        const response = await send(probe, route.method, pathOf(route), body.json);
        const where = `${key(route)} with ${body.label}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`;
        const dryRunRefusal =
          DRY_RUNS.has(key(route)) &&
          response.status === 200 &&
          ((response.body as { problems?: unknown[] }).problems?.length ?? 0) > 0;
        if (response.status >= 500) findings.push(where);
        else if (dryRunRefusal)
          findings.push(); // refused the way a dry run refuses
        // a body over the limit: 413, or 400 on a route whose larger limit it fits in
        else if (schema && body.oversized && ![400, 413].includes(response.status))
          findings.push(where);
        else if (schema && !body.oversized && response.status !== 400) findings.push(where);
        else if (body.field && response.status === 400 && !namesField(response.body, body.field))
          findings.push(`${where} (field not named)`);
        if (({} as { polluted?: unknown }).polluted !== undefined) {
          findings.push(`${where}: Object.prototype polluted`);
          delete (Object.prototype as { polluted?: unknown }).polluted;
        }
      }
      if (before) {
        const after = await fingerprint(db);
        const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
        if (changed.length > 0) findings.push(`${key(route)} changed ${changed.join(', ')}`);
      }
    }
    console.log(`hostile bodies: ${tried} sent to ${writes.length} routes`);
    expect(findings).toEqual([]);
  });
});

/** The 400 names the field, or refuses the field's content as a whole (a BPMN or form schema). */
function namesField(body: unknown, field: string): boolean {
  const { code, details } = (body ?? {}) as { code?: string; details?: { path?: string }[] };
  if (code === 'DEPLOYMENT_INVALID' || code === 'FORM_SCHEMA_INVALID') return true;
  return (
    Array.isArray(details) &&
    details.some(
      (detail) =>
        detail.path === field ||
        detail.path?.startsWith(`${field}.`) ||
        detail.path?.startsWith(`${field}[`),
    )
  );
}

describe('the OpenAPI document', () => {
  it('lists operations that each refuse an anonymous caller with 401', async () => {
    const answers: Record<string, number> = {};
    for (const [path, operations] of Object.entries(openApi.paths))
      for (const method of Object.keys(operations)) {
        const name = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        if (PUBLIC.has(name)) continue;
        const concrete = concretePath(path.replace(/\{(\w+)\}/g, ':$1'));
        answers[name] = (await send(api.anonymous(), method, concrete, '{}')).status;
      }
    expect(Object.keys(answers).length).toBeGreaterThan(50);
    expect(Object.entries(answers).filter(([, status]) => status !== 401)).toEqual([]);
  });
});

describe('another district’s administrator', () => {
  it('gets for every id of district A exactly what an id that exists nowhere gets', async () => {
    const outsider = world.as.outsider;
    const db = api.db.connection.db!;
    const before = await fingerprint(db);
    const withIds = routes.filter((route) => route.path.includes('/:') && !PUBLIC.has(key(route)));
    const findings: string[] = [];
    const unmapped: string[] = [];
    for (const route of withIds) {
      if (SHARED_NAMES[key(route)]) continue;
      if (ids[route.path.split('/')[2]] === undefined) {
        unmapped.push(key(route));
        continue;
      }
      const operation = operationOf(route);
      const schema = operation && bodySchemaOf(openApi, operation);
      const json = schema ? JSON.stringify(plausibleBody(openApi, schema)) : undefined;
      const realPath = pathOf(route);
      const fakePath = pathOf(route, true);
      const real = await send(outsider, route.method, realPath, json);
      const none = await send(outsider, route.method, fakePath, json);
      // a name the caller typed may come back in the answer: compare with the path's own parts blanked
      const answer = (path: string, response: { status: number; body: unknown }) => {
        let text = `${response.status} ${JSON.stringify(response.body)}`;
        for (const part of path.split('/').slice(3))
          if (part.length > 2) text = text.split(part).join('<id>');
        return text;
      };
      if (real.status < 400 || real.status >= 500) findings.push(`${key(route)}: ${real.status}`);
      else if (answer(realPath, real) !== answer(fakePath, none))
        findings.push(`${key(route)}: ${answer(realPath, real)} vs ${answer(fakePath, none)}`);
    }
    expect(unmapped).toEqual([]); // a new kind of id: give the probe one of district A's
    expect(findings).toEqual([]);
    expect(await fingerprint(db)).toEqual(before);
  });
});
