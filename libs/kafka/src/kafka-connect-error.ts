import type { KafkaOptions } from './kafka-options';

/**
 * What went wrong when connecting to Kafka, in terms of Vigil's settings (docs/security.md). kafkajs
 * reports a secured broker's refusals in its own words ("Closed connection", "self-signed
 * certificate in certificate chain"), which do not say which setting to change; the original
 * error stays as the cause.
 */
export function explainConnectError(e: unknown, options: Pick<KafkaOptions, 'brokers' | 'ssl' | 'sasl'>): Error {
  if (e instanceof KafkaConnectError) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  const msg = err.message;
  const brokers = options.brokers.join(',');
  let hint: string | undefined;
  if (err.name === 'KafkaJSSASLAuthenticationError' || /SASL .*authentication failed|invalid credentials/i.test(msg)) {
    hint = `Kafka (${brokers}) refused the SASL user ${options.sasl?.username ?? '(none)'} with ${options.sasl?.mechanism ?? 'no mechanism'}: check KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_SASL_MECHANISM`;
  } else if (/self.signed|unable to (verify|get local issuer)|certificate/i.test(msg)) {
    hint = options.ssl?.caFile
      ? `the certificate of Kafka (${brokers}) is not signed by the CA in KAFKA_SSL_CA_FILE=${options.ssl.caFile}, or does not name that host`
      : `the certificate of Kafka (${brokers}) is not trusted: set KAFKA_SSL_CA_FILE to the PEM of the CA that signed it`;
  } else if (/Closed connection|ECONNRESET|Connection timeout/i.test(msg) && !(options.ssl && options.sasl)) {
    // A TLS or SASL listener answers a client that skips either by closing the connection.
    hint = `Kafka (${brokers}) closed the connection: if its listener is SASL_SSL, set KAFKA_SSL=true and KAFKA_SASL_MECHANISM/USERNAME/PASSWORD`;
  }
  return hint ? new KafkaConnectError(`${hint} (${msg})`, { cause: err }) : err;
}

/** A connection error already put in terms of the settings (explained once, wherever it passes). */
export class KafkaConnectError extends Error {
  override name = 'KafkaConnectError';
}
