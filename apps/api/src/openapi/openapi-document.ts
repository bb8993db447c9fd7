import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/**
 * The OpenAPI document of whatever controllers `app` holds: request and response bodies come
 * from the zod DTOs (nestjs-zod), so the document says what the validators accept and what the
 * handlers return. The dashboard's `schema.d.ts` is generated from the api's document
 * (`npm run api:types`); a unit test fails when the committed file is stale.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigil API')
      .setDescription('Reputation and crisis monitoring: search, clusters, tickets, live push. Sign in with POST /api/auth/login and send `Authorization: Bearer <token>`, or send an API key as `X-API-Key`.')
      .setVersion('0.1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
      .build(),
  );
  return cleanupOpenApiDoc(doc);
}
