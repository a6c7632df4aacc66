import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { RequestHandler } from 'express';

export const API_DOCS_PATH = 'api/docs';

/**
 * The OpenAPI document and its UI at /api/docs (JSON at /api/docs-json). Every operation needs the
 * session cookie, and mutating ones the CSRF header, except those marked @Public().
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CongressFlow API')
    .setDescription(
      '人大常委会低代码流程与表单平台的 HTTP 接口。错误一律为 `{ code, message, details? }`；' +
        '会话 Cookie `cf_session` 由 `POST /api/auth/login` 设置；POST/PUT/PATCH/DELETE 须带 ' +
        '`X-Requested-With: congressflow`。平台管理员可在管理接口上加 `?district=<id>`。',
    )
    .setVersion('1')
    .addCookieAuth('cf_session', { type: 'apiKey', in: 'cookie', name: 'cf_session' }, 'session')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Requested-With',
        description: '固定值 congressflow（写操作必填）',
      },
      'csrf',
    )
    .addSecurityRequirements('session')
    .addSecurityRequirements('csrf')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Record<string, unknown>[]) {
      if (!operation || typeof operation !== 'object') continue;
      if (operation['x-public'] === true) {
        operation.security = [];
        delete operation['x-public'];
      }
      // A query DTO named in @ApiQuery({ type }) (see server/README.md) is also read from the
      // parameter's own metadata; keep each parameter once.
      if (Array.isArray(operation.parameters)) {
        const seen = new Set<string>();
        operation.parameters = operation.parameters.filter(
          (parameter: { name?: string; in?: string }) => {
            const key = `${parameter.in}:${parameter.name}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          },
        );
      }
    }
  }
  return document;
}

/** Serves the document and UI behind `gate` (the docs need a session like every route). */
export function mountOpenApi(app: INestApplication, gate: RequestHandler): void {
  app.use([`/${API_DOCS_PATH}`, `/${API_DOCS_PATH}-json`, `/${API_DOCS_PATH}-yaml`], gate);
  SwaggerModule.setup(API_DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_DOCS_PATH}-json`,
    yamlDocumentUrl: `${API_DOCS_PATH}-yaml`,
    customSiteTitle: 'CongressFlow API',
  });
}
