import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { ROOT_LOGGER } from '../common/tokens';
import { WebModule } from './web.module';

@Controller('ping')
class PingController {
  @Get()
  ping() {
    return { pong: true };
  }
}

@Module({
  providers: [{ provide: ROOT_LOGGER, useValue: pino({ level: 'silent' }) }],
  exports: [ROOT_LOGGER],
})
class LoggerModule {}

async function appServing(distDir: string): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [{ module: LoggerModule, global: true }, WebModule.forRoot(distDir)],
    controllers: [PingController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.setGlobalPrefix('api');
  await app.init();
  return app;
}

describe('WebModule', () => {
  let dir: string;
  let app: INestApplication;

  beforeAll(async () => {
    // given a built web app
    dir = mkdtempSync(join(tmpdir(), 'cf-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    app = await appServing(dir);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and on client-side routes, revalidated and with a CSP', async () => {
    for (const path of ['/', '/inbox/mine', '/tasks/t-1?x=1']) {
      const response = await request(app.getHttpServer()).get(path).expect(200);
      expect(response.text).toContain('id="root"');
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets with a long cache and 404s a missing file', async () => {
    const asset = await request(app.getHttpServer()).get('/assets/index-abc.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await request(app.getHttpServer()).get('/assets/missing.js').expect(404);
  });

  it('leaves /api to the API, unknown API paths included', async () => {
    await request(app.getHttpServer()).get('/api/ping').expect(200, { pong: true });
    const missing = await request(app.getHttpServer()).get('/api/nothing-here').expect(404);
    expect(missing.headers['content-type']).toMatch(/json/);
  });

  it('serves the API only when the web app is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cf-web-empty-'));
    const apiOnly = await appServing(empty);
    try {
      await request(apiOnly.getHttpServer()).get('/api/ping').expect(200);
      await request(apiOnly.getHttpServer()).get('/inbox').expect(404);
    } finally {
      await apiOnly.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
