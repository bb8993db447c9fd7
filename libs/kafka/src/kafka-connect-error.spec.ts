import { describe, expect, it } from 'vitest';
import { explainConnectError } from './kafka-connect-error';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });
const secured = { brokers: ['k:9093'], ssl: { caFile: '/etc/ca.pem' }, sasl: { mechanism: 'scram-sha-512' as const, username: 'vigil', password: 'x' } };

describe('explainConnectError', () => {
  it('names the SASL settings when the broker refuses the credentials, never the password', () => {
    const e = explainConnectError(named('KafkaJSSASLAuthenticationError', 'SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials'), secured);
    expect(e.message).toMatch(/^Kafka \(k:9093\) refused the SASL user vigil with scram-sha-512: check KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD/);
    expect(e.message).not.toContain('"x"');
    expect((e as Error & { cause?: unknown }).cause).toBeInstanceOf(Error);
    // Passed up through another wrapper (admin, then ensureTopics), it is said once.
    expect(explainConnectError(e, secured)).toBe(e);
  });

  it('points at KAFKA_SSL_CA_FILE when the certificate is not trusted', () => {
    const noCa = { ...secured, ssl: {} };
    expect(explainConnectError(new Error('Connection error: self-signed certificate in certificate chain'), noCa).message).toMatch(/not trusted: set KAFKA_SSL_CA_FILE/);
    expect(explainConnectError(new Error('Connection error: unable to verify the first certificate'), secured).message).toMatch(/not signed by the CA in KAFKA_SSL_CA_FILE=\/etc\/ca\.pem/);
  });

  it('suggests SASL_SSL settings when a plain client is shut out, and leaves other errors alone', () => {
    expect(explainConnectError(new Error('Closed connection'), { brokers: ['k:9093'] }).message).toMatch(/set KAFKA_SSL=true and KAFKA_SASL_MECHANISM/);
    const other = new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    expect(explainConnectError(other, { brokers: ['127.0.0.1:9092'] })).toBe(other);
    const closedButSecured = new Error('Closed connection');
    expect(explainConnectError(closedButSecured, secured)).toBe(closedButSecured);
  });
});
