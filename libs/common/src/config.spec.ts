import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BaseConfig, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const c = loadConfig(BaseConfig, {});
    expect(c.KAFKA_BROKERS).toBe('127.0.0.1:19092');
    expect(c.VIGIL_INDEX_PREFIX).toBe('vigil-');
  });

  it('lists every bad key at once and hides secrets', () => {
    const schema = BaseConfig.extend({ API_TOKEN: z.string().min(20), PORT: z.coerce.number().int() });
    let err: unknown;
    try {
      loadConfig(schema, { ELASTICSEARCH_URL: 'not a url', API_TOKEN: 'short-secret', PORT: 'x' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain('ELASTICSEARCH_URL="not a url"');
    expect(msg).toContain('PORT="x"');
    expect(msg).toContain('API_TOKEN=(hidden)');
    expect(msg).not.toContain('short-secret');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(BaseConfig, { KAFKA_BROKERS: '' }).KAFKA_BROKERS).toBe('127.0.0.1:19092');
  });
});
