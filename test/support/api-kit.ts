import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SearchClient } from '@vigil/search';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { configureHttpApp } from '../../apps/api/src/http-app';

export interface ApiKit {
  app: INestApplication;
  base: string;
  search: SearchClient;
  /** A token for the user. */
  login(username: string, password: string): Promise<string>;
  /** GET with an optional bearer token; the body parsed as JSON. */
  get(path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The api module on 127.0.0.1 (a free port) against the real Kafka and Elasticsearch of `env`. */
export async function startApi(env: NodeJS.ProcessEnv): Promise<ApiKit> {
  const config = loadApiConfig(env);
  const search = new SearchClient({ node: config.ELASTICSEARCH_URL, indexPrefix: config.VIGIL_INDEX_PREFIX });
  const app = await NestFactory.create(ApiModule.forRoot(config), { logger: false });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    base,
    search,
    async login(username, password) {
      const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      return ((await r.json()) as { token: string }).token;
    },
    async get(path, token) {
      const r = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    },
    async close() {
      await app.close();
      await search.onApplicationShutdown();
    },
  };
}
