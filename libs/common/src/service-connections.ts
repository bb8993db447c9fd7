import fs from 'node:fs';
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
  /** Consumer session timeout (KAFKA_SESSION_TIMEOUT_MS); absent: 30 s. */
  sessionTimeoutMs?: number;
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

/** A CA file must be readable and hold a PEM certificate; read once here so a bad path fails at start, by name. */
function checkPemFile(setting: string, file: string, problems: string[]): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    problems.push(`${setting}=${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return;
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) problems.push(`${setting}=${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
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
  if (!sasl && (c.KAFKA_SASL_USERNAME || c.KAFKA_SASL_PASSWORD)) problems.push('KAFKA_SASL_USERNAME/PASSWORD are set without KAFKA_SASL_MECHANISM (scram-sha-512, scram-sha-256 or plain): they would not be sent');
  // A CA without TLS would be ignored and the client would speak plain text to a TLS listener,
  // which answers only by closing the connection: say it here instead.
  if (c.KAFKA_SSL_CA_FILE && !c.KAFKA_SSL) problems.push('KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true: set KAFKA_SSL=true to use TLS');
  if (c.KAFKA_SSL_CA_FILE) checkPemFile('KAFKA_SSL_CA_FILE', c.KAFKA_SSL_CA_FILE, problems);
  if (c.ELASTICSEARCH_CA_FILE) checkPemFile('ELASTICSEARCH_CA_FILE', c.ELASTICSEARCH_CA_FILE, problems);
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
  if (c.ELASTICSEARCH_CA_FILE && urls.some((u) => u.protocol !== 'https:')) problems.push('ELASTICSEARCH_CA_FILE is set but ELASTICSEARCH_URL is not https://: the CA would not be used');
  for (const url of urls) {
    const hasCredentials = !!auth || !!url.username;
    if (!isLoopback(url.hostname) && !c.VIGIL_INSECURE_SERVICES && !(url.protocol === 'https:' && hasCredentials)) {
      problems.push(`ELASTICSEARCH_URL is on ${url.hostname} (not this machine): use https:// with ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD, or VIGIL_INSECURE_SERVICES=true on a private network you trust`);
    }
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    kafka: { brokers, ...(c.KAFKA_SESSION_TIMEOUT_MS !== 30_000 ? { sessionTimeoutMs: c.KAFKA_SESSION_TIMEOUT_MS } : {}), ...(c.KAFKA_SSL ? { ssl: { caFile: c.KAFKA_SSL_CA_FILE } } : {}), ...(sasl ? { sasl } : {}) },
    search: {
      node: c.ELASTICSEARCH_URL,
      ...(auth ? { auth } : {}),
      ...(c.ELASTICSEARCH_CA_FILE ? { caFile: c.ELASTICSEARCH_CA_FILE } : {}),
      ...(c.VIGIL_INDICES ? { indices: c.VIGIL_INDICES.split(',').map((k) => k.trim()).filter(Boolean) } : {}),
    },
  };
}
