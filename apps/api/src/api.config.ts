import { z } from 'zod';
import { BaseConfig, loadConfig } from '@vigil/common';

export const ApiConfig = BaseConfig.extend({
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
});
export type ApiConfig = z.infer<typeof ApiConfig>;
export const loadApiConfig = (env = process.env) => loadConfig(ApiConfig, env);
