import { ApiHarness } from '../support/api-app';
import { concretePath, listRoutes, type Route } from '../support/api-routes';

// The only routes anyone may call without a session (docs/api.md "Conventions").
const PUBLIC_ROUTES = ['POST /api/auth/login', 'GET /api/health'];

let api: ApiHarness;
let routes: Route[];
beforeAll(async () => {
  api = await ApiHarness.start();
  routes = listRoutes(api.app);
});
afterAll(async () => {
  await api?.close();
});

const key = (route: Route) => `${route.method} ${route.path}`;

describe('the route list read from the router', () => {
  it('holds the routes of every module, the public ones included', () => {
    const keys = routes.map(key);
    expect(keys).toEqual(
      expect.arrayContaining([
        ...PUBLIC_ROUTES,
        'GET /api/auth/me',
        'PATCH /api/units/:id',
        'PUT /api/roles/:key',
        'GET /api/directory/users',
        'GET /api/docs-json',
      ]),
    );
  });
});

describe('every route but login and health', () => {
  it('answers 401 UNAUTHENTICATED without a session, whatever the method', async () => {
    const protectedRoutes = routes.filter((route) => !PUBLIC_ROUTES.includes(key(route)));
    expect(protectedRoutes.length).toBeGreaterThan(20);
    const answers: Record<string, unknown> = {};
    for (const route of protectedRoutes) {
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const response = await api.anonymous()[method](concretePath(route.path)).send({});
      answers[key(route)] = { status: response.status, code: response.body?.code };
    }
    const expected = Object.fromEntries(
      protectedRoutes.map((route) => [key(route), { status: 401, code: 'UNAUTHENTICATED' }]),
    );
    expect(answers).toEqual(expected);
  });

  it('answers 401 to a cookie that holds no live session, and clears that cookie', async () => {
    const response = await api
      .anonymous()
      .get('/api/auth/me')
      .set('Cookie', 'cf_session=forged-token');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(response.headers['set-cookie']?.[0]).toMatch(/^cf_session=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe('the public routes', () => {
  it('answer without a session', async () => {
    expect((await api.raw().get('/api/health')).status).toBe(200);
    const login = await api
      .anonymous()
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'wrong-pass1' });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('the CSRF header', () => {
  it('is required on mutating requests, login included', async () => {
    const login = await api.raw().post('/api/auth/login').send({ username: 'x', password: 'y' });
    expect(login.status).toBe(403);
    expect(login.body).toEqual({
      code: 'CSRF_REJECTED',
      message: expect.stringContaining('X-Requested-With'),
    });

    const { agent } = await api.districtAdmin();
    const withHeader = await agent.post('/api/units').send({ name: '区审计局', kind: 'unit' });
    expect(withHeader.status).toBe(201);
    const withoutHeader = await agent
      .post('/api/units')
      .set('X-Requested-With', '')
      .send({ name: '区统计局', kind: 'unit' });
    expect(withoutHeader.status).toBe(403);
    expect(withoutHeader.body.code).toBe('CSRF_REJECTED');
    const wrongValue = await agent
      .post('/api/units')
      .set('X-Requested-With', 'XMLHttpRequest')
      .send({ name: '区统计局', kind: 'unit' });
    expect(wrongValue.status).toBe(403);
  });

  it('is not needed to read', async () => {
    const { agent } = await api.districtAdmin();
    expect((await agent.get('/api/units').set('X-Requested-With', '')).status).toBe(200);
  });
});

describe('the OpenAPI document at /api/docs', () => {
  it('needs a session like every other route', async () => {
    expect((await api.raw().get('/api/docs')).status).toBe(401);
    expect((await api.raw().get('/api/docs-json')).body.code).toBe('UNAUTHENTICATED');
  });

  it('describes every API route, declares cookie auth, and marks login and health public', async () => {
    const { agent } = await api.districtAdmin();
    const ui = await agent.get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const document = (await agent.get('/api/docs-json')).body;
    expect(document.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'cf_session',
    });
    expect(document.paths['/api/auth/login'].post.security).toEqual([]);
    expect(document.paths['/api/health'].get.security).toEqual([]);

    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, operations]) =>
          Object.keys(operations).map(
            (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
          ),
      ),
    );
    const apiRoutes = routes.map(key).filter((route) => !route.includes('/api/docs'));
    expect(apiRoutes.filter((route) => !documented.has(route))).toEqual([]);

    const userList = document.paths['/api/users'].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    );
    expect(userList).toEqual(['cursor', 'limit', 'q', 'role', 'unitId']);
  });
});
