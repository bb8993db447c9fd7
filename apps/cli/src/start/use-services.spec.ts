import { describe, expect, it } from 'vitest';
import { useServices } from './start.command';

describe('vigil start pointing the apps at the servers it started', () => {
  it('passes a secured folder\'s CA files and users on, not only the addresses', () => {
    const env: NodeJS.ProcessEnv = {};
    useServices(
      {
        kafkaBrokers: '127.0.0.1:19092',
        elasticsearchUrl: 'https://127.0.0.1:19200',
        started: ['kafka'],
        env: { KAFKA_BROKERS: '127.0.0.1:19092', KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/s/kafka-tls/ca.crt', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'vigil', KAFKA_SASL_PASSWORD: 'p', ELASTICSEARCH_URL: 'https://127.0.0.1:19200', ELASTICSEARCH_CA_FILE: '/s/ca.crt', ELASTICSEARCH_USERNAME: 'vigil', ELASTICSEARCH_PASSWORD: 'q' },
      },
      env,
    );
    expect(env).toMatchObject({ KAFKA_SSL: 'true', KAFKA_SASL_USERNAME: 'vigil', KAFKA_SASL_PASSWORD: 'p', ELASTICSEARCH_CA_FILE: '/s/ca.crt', ELASTICSEARCH_USERNAME: 'vigil' });
  });
});
