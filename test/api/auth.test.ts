import { createHash } from 'node:crypto';
import { type Agent, ApiHarness, type TestUser } from '../support/api-app';

const MINUTE = 60_000;
let api: ApiHarness;
let district: string;

beforeAll(async () => {
  api = await ApiHarness.start({
    auth: { maxLoginFailures: 3, lockMinutes: 10, sessionIdleMinutes: 30, sessionMaxHours: 2 },
  });
  district = await api.createDistrict('登录测试区');
});
afterAll(async () => {
  await api?.close();
});

const login = (username: string, password: string) =>
  api.anonymous().post('/api/auth/login').send({ username, password });

const sessionCookie = (response: { headers: Record<string, unknown> }): string => {
  const cookies = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((value) => value.startsWith('cf_session='));
  if (!cookie) throw new Error('no cf_session cookie set');
  return cookie;
};

describe('POST /api/auth/login', () => {
  it('answers Me and sets an httpOnly, SameSite=Lax browser-session cookie holding an opaque token', async () => {
    const unitId = await api.createUnit(district, '区教育局');
    const user = await api.createUser(district, { name: '孙晓梅', roles: ['office'], unitId });
    const response = await login(user.username, user.password);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: user.id,
      username: user.username,
      name: '孙晓梅',
      district: { id: district, name: '登录测试区' },
      unitId,
      roles: ['office'],
      isPlatformAdmin: false,
      isDistrictAdmin: false,
      notifyBy: { email: false, sms: false },
    });
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure|Max-Age|Expires/);

    // Only the token's sha256 is stored: a copy of the database holds no usable cookie.
    const token = /^cf_session=([^;]+)/.exec(cookie)![1];
    const sessions = api.db.connection.collection('sessions');
    expect(await sessions.findOne({ _id: token as never })).toBeNull();
    const stored = await sessions.findOne({
      _id: createHash('sha256').update(token).digest('hex') as never,
    });
    expect(stored).toMatchObject({ userId: user.id, district });
  });

  it('matches the username without regard to case or surrounding spaces', async () => {
    const user = await api.createUser(district, { username: 'Zhang.San' });
    expect((await login('  zhang.SAN ', user.password)).status).toBe(200);
  });

  it('answers a wrong password, an unknown user and a disabled account alike', async () => {
    const user = await api.createUser(district);
    const disabled = await api.createUser(district);
    await api.db.connection
      .collection('users')
      .updateOne({ _id: disabled.id as never }, { $set: { disabled: true } });
    const answers = [
      await login(user.username, 'wrong-password1'),
      await login('nobody-at-all', 'wrong-password1'),
      await login(disabled.username, disabled.password),
    ].map((response) => [response.status, response.body]);
    expect(answers).toEqual(
      Array(3).fill([401, { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' }]),
    );
  });

  it('ends the session the browser held before (no session fixation)', async () => {
    const user = await api.createUser(district);
    const agent = await api.loginAs(user);
    const before = await api.db.connection
      .collection('sessions')
      .countDocuments({ userId: user.id });
    await agent
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password })
      .expect(200);
    expect(await api.db.connection.collection('sessions').countDocuments({ userId: user.id })).toBe(
      before,
    );
  });
});

describe('GET /api/auth/me and POST /api/auth/logout', () => {
  it('me answers the caller; logout ends the session and clears the cookie', async () => {
    const user = await api.createUser(district, { roles: ['deputy'] });
    const agent = await api.loginAs(user);
    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, roles: ['deputy'], district: { id: district } });

    const logout = await agent.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(sessionCookie(logout)).toMatch(/^cf_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });
});

describe('sessions expire', () => {
  it('after the idle time, but each request pushes the end back (sliding)', async () => {
    const user = await api.createUser(district);
    const agent = await api.loginAs(user);
    for (let i = 0; i < 3; i += 1) {
      api.clock.advance(25 * MINUTE);
      expect((await agent.get('/api/auth/me')).status).toBe(200);
    }
    api.clock.advance(31 * MINUTE);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('at the absolute maximum however busy they are', async () => {
    const user = await api.createUser(district);
    const agent = await api.loginAs(user);
    for (let i = 0; i < 4; i += 1) {
      api.clock.advance(25 * MINUTE);
      expect((await agent.get('/api/auth/me')).status).toBe(200);
    }
    api.clock.advance(25 * MINUTE); // 125 minutes after login, past the 2-hour cap
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  let user: TestUser;
  beforeEach(async () => {
    user = await api.createUser(district);
  });

  it('needs the current password', async () => {
    const agent = await api.loginAs(user);
    const response = await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'not-mine-123', newPassword: 'Brand-new-42' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
  });

  it('applies the minimum policy to the new password, every rule at once', async () => {
    const agent = await api.loginAs(user);
    const response = await agent
      .post('/api/auth/password')
      .send({ currentPassword: user.password, newPassword: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { path: 'newPassword', message: '密码不能少于 8 个字符' },
      { path: 'newPassword', message: '密码至少包含一个数字' },
    ]);
  });

  it('changes it, ends the other sessions and keeps this browser signed in with a new cookie', async () => {
    const here = await api.loginAs(user);
    const elsewhere = await api.loginAs(user);
    const response = await here
      .post('/api/auth/password')
      .send({ currentPassword: user.password, newPassword: 'Brand-new-42' });
    expect(response.status).toBe(204);
    expect(sessionCookie(response)).toMatch(/^cf_session=[^;]+;/);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(401);
    expect((await login(user.username, 'Brand-new-42')).status).toBe(200);
  });
});

describe('an administrator disabling an account or resetting its password', () => {
  it('ends that user’s sessions at once', async () => {
    const admin = await api.loginAs(await api.createUser(district, { isDistrictAdmin: true }));
    const reset = await api.createUser(district);
    const disabled = await api.createUser(district);
    const resetAgent = await api.loginAs(reset);
    const disabledAgent = await api.loginAs(disabled);

    await admin.patch(`/api/users/${reset.id}`).send({ password: 'Reset-by-admin-1' }).expect(200);
    await admin.patch(`/api/users/${disabled.id}`).send({ disabled: true }).expect(200);
    expect((await resetAgent.get('/api/auth/me')).status).toBe(401);
    expect((await disabledAgent.get('/api/auth/me')).status).toBe(401);
    expect((await login(reset.username, 'Reset-by-admin-1')).status).toBe(200);
  });
});

describe('lock-out after repeated failures', () => {
  it('locks the username after 3 failures within 10 minutes, right password or not, until the window passes', async () => {
    const user = await api.createUser(district);
    expect((await login(user.username, 'wrong-1a')).status).toBe(401);
    expect((await login(user.username, 'wrong-2a')).status).toBe(401);
    const third = await login(user.username, 'wrong-3a');
    expect(third.status).toBe(423);
    expect(third.body).toEqual({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringContaining('锁定'),
      details: { lockedUntil: expect.any(String) },
    });
    expect(new Date(third.body.details.lockedUntil).getTime()).toBeGreaterThan(
      api.clock.now().getTime(),
    );

    expect((await login(user.username, user.password)).status).toBe(423);
    api.clock.advance(10 * MINUTE + 1000);
    expect((await login(user.username, user.password)).status).toBe(200);
  });

  it('starts counting again after a successful login', async () => {
    const user = await api.createUser(district);
    await login(user.username, 'wrong-1a');
    await login(user.username, 'wrong-2a');
    expect((await login(user.username, user.password)).status).toBe(200);
    expect((await login(user.username, 'wrong-3a')).status).toBe(401);
    expect((await login(user.username, 'wrong-4a')).status).toBe(401);
  });

  it('locks usernames that do not exist the same way (nothing to learn from a lock)', async () => {
    for (let i = 0; i < 2; i += 1)
      expect((await login('ghost-user', `wrong-${i}a`)).status).toBe(401);
    expect((await login('ghost-user', 'wrong-xa')).status).toBe(423);
  });

  it('holds under concurrent attempts: never more than 3 password checks, and no failure lost', async () => {
    const user = await api.createUser(district);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(user.username, `wrong-${i}a`)),
    );
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status !== 401 && status !== 423)).toEqual([]);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(2);
    // Each failed check leaves one record; attempts turned away checked nothing and left none.
    const checked = await api.db.connection
      .collection('login_attempts')
      .countDocuments({ usernameKey: user.username });
    expect(checked).toBeLessThanOrEqual(3);

    // Exactly the checks still allowed remain: the 3rd failure in all locks, not a later one.
    for (let failures = checked + 1; failures < 3; failures += 1) {
      expect((await login(user.username, 'wrong-again1')).status).toBe(401);
    }
    if (checked < 3) expect((await login(user.username, 'wrong-last1')).status).toBe(423);
    expect((await login(user.username, user.password)).status).toBe(423);
  });

  it('counts a wrong current password when changing it, so a stolen session cannot guess', async () => {
    const user = await api.createUser(district);
    const agent = await api.loginAs(user);
    const attempt = () =>
      agent
        .post('/api/auth/password')
        .send({ currentPassword: 'guess-123a', newPassword: 'Brand-new-42' });
    expect((await attempt()).status).toBe(400);
    expect((await attempt()).status).toBe(400);
    expect((await attempt()).status).toBe(423);
    expect((await login(user.username, user.password)).status).toBe(423);
  });
});

describe('the login rate limit', () => {
  let limited: ApiHarness;
  let signedIn: Agent;
  beforeAll(async () => {
    limited = await ApiHarness.start({ auth: { loginRatePerMinute: 5 } });
    ({ agent: signedIn } = await limited.districtAdmin()); // the first of the 5 logins
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('does not limit other routes', async () => {
    for (let i = 0; i < 8; i += 1) expect((await signedIn.get('/api/auth/me')).status).toBe(200);
  });

  it('answers 429 TOO_MANY_REQUESTS with Retry-After beyond the per-minute limit', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i += 1) {
      last = await limited
        .anonymous()
        .post('/api/auth/login')
        .send({ username: `someone${i}`, password: 'wrong-pass1' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(last!.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('the Secure flag', () => {
  it('is set over https as a trusted proxy reports it, and always when configured so', async () => {
    const proxied = await ApiHarness.start({ auth: { trustProxy: 'loopback' } });
    const always = await ApiHarness.start({ auth: { secureCookie: 'always' } });
    try {
      for (const harness of [proxied, always]) {
        const user = await harness.createUser(await harness.createDistrict());
        const response = await harness
          .anonymous()
          .post('/api/auth/login')
          .set('X-Forwarded-Proto', 'https')
          .send({ username: user.username, password: user.password });
        expect(sessionCookie(response)).toMatch(/; Secure/);
      }
      const user = await proxied.createUser(await proxied.createDistrict());
      const plain = await proxied
        .anonymous()
        .post('/api/auth/login')
        .send({ username: user.username, password: user.password });
      expect(sessionCookie(plain)).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
      await always.close();
    }
  });
});
