import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** What every HTTP-serving Vigil process sets up: OpenAPI docs, shutdown hooks. */
export function configureHttpApp(app: INestApplication): void {
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Vigil API').setDescription('Reputation and crisis monitoring: search, clusters, tickets, live push').setVersion('0.1').build(),
  );
  SwaggerModule.setup('api/docs', app, doc);
}
