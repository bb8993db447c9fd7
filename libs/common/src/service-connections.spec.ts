import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BaseConfig, ConfigError, loadConfig, withoutUserinfo } from './config';
import { serviceConnections } from './service-connections';

const load = (env: Record<string, string>) => serviceConnections(loadConfig(BaseConfig, env));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-conn-'));
const pem = (name: string, text = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n') => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const kafkaCa = pem('ca.pem');
const esCa = pem('es-ca.pem');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('serviceConnections (issue 20, item 11)', () => {
  it('connects to the embedded servers on this machine as they are', () => {
    expect(load({})).toEqual({ kafka: { brokers: ['127.0.0.1:19092'] }, search: { node: 'http://127.0.0.1:19200' } });
  });

  it('refuses Kafka and Elasticsearch on another machine without TLS and credentials, naming the settings', () => {
    const e = (() => {
      try {
        load({ KAFKA_BROKERS: 'kafka-1.internal:9092', ELASTICSEARCH_URL: 'http://es.internal:9200' });
      } catch (x) {
        return x as Error;
      }
    })();
    expect(e).toBeInstanceOf(ConfigError);
    expect(e!.message).toMatch(/KAFKA_BROKERS names kafka-1\.internal:9092 .*KAFKA_SSL=true/);
    expect(e!.message).toMatch(/ELASTICSEARCH_URL is on es\.internal .*https:\/\//);
    expect(() => load({ ELASTICSEARCH_URL: 'https://es.internal:9200' })).toThrow(/ELASTICSEARCH_URL/);
    expect(() => load({ KAFKA_BROKERS: 'k:9093', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'vigil' })).toThrow(/KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/);
  });

  it('passes TLS and credentials on to the clients when they are set', () => {
    const c = load({
      KAFKA_BROKERS: 'k1:9093,k2:9093', KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: kafkaCa, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'vigil', KAFKA_SASL_PASSWORD: 's3cret',
      ELASTICSEARCH_URL: 'https://es.internal:9200', ELASTICSEARCH_API_KEY: 'aWQ6a2V5', ELASTICSEARCH_CA_FILE: esCa,
    });
    expect(c.kafka).toEqual({ brokers: ['k1:9093', 'k2:9093'], ssl: { caFile: kafkaCa }, sasl: { mechanism: 'scram-sha-512', username: 'vigil', password: 's3cret' } });
    expect(c.search).toEqual({ node: 'https://es.internal:9200', auth: { apiKey: 'aWQ6a2V5' }, caFile: esCa });
    expect(load({ ELASTICSEARCH_URL: 'https://vigil:pw@es.internal:9200' }).search.node).toBe('https://vigil:pw@es.internal:9200');
  });

  it('refuses settings that would be ignored or could not work, naming them', () => {
    // A CA without TLS: the client would talk plain text to a TLS listener, which only closes the connection.
    expect(() => load({ KAFKA_SSL_CA_FILE: kafkaCa })).toThrow(/KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true/);
    expect(() => load({ KAFKA_SSL: 'true', KAFKA_SASL_USERNAME: 'vigil', KAFKA_SASL_PASSWORD: 'pw' })).toThrow(/without KAFKA_SASL_MECHANISM/);
    expect(() => load({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: path.join(dir, 'missing.pem') })).toThrow(/KAFKA_SSL_CA_FILE=.*missing\.pem cannot be read \(ENOENT\)/);
    expect(() => load({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: pem('key.pem', '-----BEGIN PRIVATE KEY-----\n') })).toThrow(/holds no PEM certificate/);
    expect(() => load({ ELASTICSEARCH_CA_FILE: esCa })).toThrow(/ELASTICSEARCH_CA_FILE is set but ELASTICSEARCH_URL is not https/);
    expect(() => load({ ELASTICSEARCH_URL: 'https://127.0.0.1:9200', ELASTICSEARCH_CA_FILE: dir })).toThrow(/ELASTICSEARCH_CA_FILE=.* cannot be read \(EISDIR\)/);
    expect(load({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: kafkaCa, ELASTICSEARCH_URL: 'https://127.0.0.1:9200', ELASTICSEARCH_CA_FILE: esCa }).kafka.ssl).toEqual({ caFile: kafkaCa });
  });

  it('passes a consumer session timeout other than the default on, within Kafka\'s bounds', () => {
    expect(load({ KAFKA_SESSION_TIMEOUT_MS: '8000' }).kafka.sessionTimeoutMs).toBe(8000);
    expect(load({}).kafka.sessionTimeoutMs).toBeUndefined();
    expect(() => load({ KAFKA_SESSION_TIMEOUT_MS: '1000' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
  });

  it('allows plain connections on a trusted private network when told so', () => {
    expect(load({ KAFKA_BROKERS: 'kafka:9092', ELASTICSEARCH_URL: 'http://elasticsearch:9200', VIGIL_INSECURE_SERVICES: 'true' }).kafka.brokers).toEqual(['kafka:9092']);
  });

  it('takes several Elasticsearch nodes, comma-separated, and checks each (cluster mode)', () => {
    expect(load({ ELASTICSEARCH_URL: 'http://127.0.0.1:29200,http://127.0.0.1:29201' }).search.node).toBe('http://127.0.0.1:29200,http://127.0.0.1:29201');
    expect(() => load({ ELASTICSEARCH_URL: 'http://127.0.0.1:29200,http://es-2.internal:9200' })).toThrow(/ELASTICSEARCH_URL is on es-2\.internal/);
    expect(() => loadConfig(BaseConfig, { ELASTICSEARCH_URL: 'http://127.0.0.1:29200,not a url' })).toThrow(/ELASTICSEARCH_URL=.*one URL or several, comma-separated/);
  });

  it('never prints a URL’s credentials', () => {
    expect(withoutUserinfo('https://vigil:pw@es.internal:9200')).toBe('https://***@es.internal:9200');
    expect(withoutUserinfo('https://a:b@es-1:9200, https://c:d@es-2:9200')).toBe('https://***@es-1:9200, https://***@es-2:9200');
    expect(() => loadConfig(BaseConfig, { ELASTICSEARCH_URL: 'https://vigil:pw@' })).toThrow(/ELASTICSEARCH_URL="https:\/\/\*\*\*@"/);
  });
});
