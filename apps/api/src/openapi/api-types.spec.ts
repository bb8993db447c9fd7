// No servers: the api's controllers are read in Nest's preview mode (nothing is constructed or
// connected), their OpenAPI document is built, and openapi-typescript turns it into the types
// the dashboard's client uses. `npm run api:types` rewrites the committed file; without it this
// test fails as soon as a route or a schema changes and the file does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadApiConfig } from '../api.config';
import { ApiModule } from '../api.module';
import { buildOpenApiDocument } from './openapi-document';

const SCHEMA_FILE = '../../../../dashboards/src/api/schema.d.ts';
const HEADER = '// Generated from the api\'s OpenAPI document by `npm run api:types` (apps/api/src/openapi/api-types.spec.ts). Do not edit.\n\n';

describe('the OpenAPI document and the dashboard’s generated types', () => {
  let app: INestApplication;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create(ApiModule.forRoot(loadApiConfig({})), { preview: true, logger: false });
    doc = buildOpenApiDocument(app);
  });
  afterAll(() => app?.close());

  it('describes the success answer of every route, and the body of every route that takes one', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item) as [string, { responses?: Record<string, { content?: unknown }>; requestBody?: unknown }][]) {
        const ok = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'));
        if (!ok?.[1].content) missing.push(`${method.toUpperCase()} ${path}: no success answer schema (use @ApiResult)`);
        if (method === 'post' && !op.requestBody && !['/api/auth/logout', '/api/auth/refresh'].includes(path)) missing.push(`POST ${path}: no request body schema (type the @Body() with a zod DTO)`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10);
  });

  it('matches the committed dashboards/src/api/schema.d.ts (run `npm run api:types` after changing a route)', async () => {
    const source = HEADER + astToString(await openapiTS(doc as Parameters<typeof openapiTS>[0]));
    await expect(source).toMatchFileSnapshot(SCHEMA_FILE);
  });
});
