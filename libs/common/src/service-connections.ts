import { z } from 'zod';
import type { BaseConfig } from './config';
import { ConfigError } from './config-error';

const bool = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

/** How to reach Kafka and Elasticsearch beyond the embedded ones: TLS and credentials (docs/security.md). */
export const ServiceSecuritySettings = {
  KAFKA_SSL: bool,
  /** PEM file of the CA that signed the brokers' certificates (default: the system's CAs). */
  KAFKA_SSL_CA_FILE: z.string().optional(),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  /** An Elasticsearch API key (base64 `id:key`), or a user and password below (or in ELASTICSEARCH_URL). */
  ELASTICSEARCH_API_KEY: z.string().optional(),
  ELASTICSEARCH_USERNAME: z.string().optional(),
  ELASTICSEARCH_PASSWORD: z.string().optional(),
  /** PEM file of the CA that signed Elasticsearch's HTTP certificate (default: the system's CAs). */
  ELASTICSEARCH_CA_FILE: z.string().optional(),
  /**
   * Kafka or Elasticsearch on another machine without TLS and credentials is refused at start;
   * `true` allows it (a private network you trust, such as docker-compose's own).
   */
  VIGIL_INSECURE_SERVICES: bool,
};

export interface KafkaConnection {
  brokers: string[];
  ssl?: { caFile?: string };
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export interface SearchConnection {
  node: string;
  auth?: { apiKey: string } | { username: string; password: string };
  caFile?: string;
  /** Only these stored documents' indices are made at start (keys of `search.names`); absent: all of them. */
  indices?: string[];
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$/i;
const isLoopback = (host: string) => LOOPBACK.test(host);

/**
 * The client settings for Kafka and Elasticsearch, from the validated config. Fails fast, naming
 * the settings, when either is on another machine and would be reached without TLS and
 * credentials (unless VIGIL_INSECURE_SERVICES=true): posts and tickets are not sent in clear text
 * to, nor written without a password into, a server that anyone on the network can reach.
 */
export function serviceConnections(c: BaseConfig): { kafka: KafkaConnection; search: SearchConnection } {
  const problems: string[] = [];
  const brokers = c.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean);
  const sasl = c.KAFKA_SASL_MECHANISM ? { mechanism: c.KAFKA_SASL_MECHANISM, username: c.KAFKA_SASL_USERNAME ?? '', password: c.KAFKA_SASL_PASSWORD ?? '' } : undefined;
  if (sasl && (!sasl.username || !sasl.password)) problems.push('KAFKA_SASL_MECHANISM is set: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are needed too');
  const remoteBrokers = brokers.filter((b) => !isLoopback(b.replace(/:\d+$/, '')));
  if (remoteBrokers.length && !c.VIGIL_INSECURE_SERVICES && !(c.KAFKA_SSL && sasl)) {
    problems.push(`KAFKA_BROKERS names ${remoteBrokers.join(', ')} (not this machine): set KAFKA_SSL=true and KAFKA_SASL_MECHANISM/USERNAME/PASSWORD, or VIGIL_INSECURE_SERVICES=true on a private network you trust`);
  }
  const urls = c.ELASTICSEARCH_URL.split(',').map((u) => new URL(u.trim()));
  const auth = c.ELASTICSEARCH_API_KEY
    ? { apiKey: c.ELASTICSEARCH_API_KEY }
    : c.ELASTICSEARCH_USERNAME
      ? { username: c.ELASTICSEARCH_USERNAME, password: c.ELASTICSEARCH_PASSWORD ?? '' }
      : undefined;
  for (const url of urls) {
    const hasCredentials = !!auth || !!url.username;
    if (!isLoopback(url.hostname) && !c.VIGIL_INSECURE_SERVICES && !(url.protocol === 'https:' && hasCredentials)) {
      problems.push(`ELASTICSEARCH_URL is on ${url.hostname} (not this machine): use https:// with ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD, or VIGIL_INSECURE_SERVICES=true on a private network you trust`);
    }
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    kafka: { brokers, ...(c.KAFKA_SSL ? { ssl: { caFile: c.KAFKA_SSL_CA_FILE } } : {}), ...(sasl ? { sasl } : {}) },
    search: {
      node: c.ELASTICSEARCH_URL,
      ...(auth ? { auth } : {}),
      ...(c.ELASTICSEARCH_CA_FILE ? { caFile: c.ELASTICSEARCH_CA_FILE } : {}),
      ...(c.VIGIL_INDICES ? { indices: c.VIGIL_INDICES.split(',').map((k) => k.trim()).filter(Boolean) } : {}),
    },
  };
}
