import path from 'node:path';
import { z } from 'zod';
import { AllowListSetting, BaseConfig, DataKeysSetting, loadConfig } from '@vigil/common';
import { DEFAULT_RESCORE_DAYS } from '@vigil/contracts';

export const ApiConfig = BaseConfig.extend({
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** HS256 key for login tokens. Unset: one is generated per process (tokens die with it). */
  API_JWT_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
  /** Life of an access token: short, because a browser renews it from its session cookie. */
  API_JWT_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Life of a browser session (the httpOnly refresh cookie), from sign-in; signing in again starts a new one. */
  API_SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(30 * 24).default(12),
  /** Mark the session cookie Secure (set it when Vigil is served over HTTPS, e.g. behind a TLS proxy). */
  API_COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** How long a user's status (disabled, role, deleted) may be cached per process: a disabled user's token stops within this. */
  API_USER_CHECK_SECONDS: z.coerce.number().min(0).max(60).default(15),
  /**
   * Express's `trust proxy`, for the client address that sign-in throttling and the audit log use
   * behind a reverse proxy (e.g. \`loopback\` or \`1\`); empty: the socket's own address.
   */
  API_TRUST_PROXY: z.string().max(200).optional(),
  /** Password of the `admin` user created when no user exists yet; unset: generated and printed once. */
  VIGIL_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Most rows one CSV export streams. */
  API_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  /** The built dashboard (vite output) served at `/`. */
  API_DASHBOARD_DIR: z.string().default(path.join('dashboards', 'dist')),
  /** Opens complainants' contacts for the roles the plan allows, and checks progress links (see DataKeyRing). */
  VIGIL_DATA_KEYS: DataKeysSetting,
  /** A complainant's progress link stops working this many days after the case closed. */
  PROGRESS_LINK_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Progress page requests per client address per minute. */
  PROGRESS_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** `host:port`s a source form may name past the private-address guard (the collector's own setting, read here to refuse others at save). */
  COLLECTOR_ALLOW_HOSTS: AllowListSetting,
  /** Days before a model update whose posts the processor scores again (its own setting, read here for the progress). */
  ANALYSIS_RESCORE_DAYS: z.coerce.number().int().min(0).max(3_660).default(DEFAULT_RESCORE_DAYS),
});
export type ApiConfig = z.infer<typeof ApiConfig>;
export const loadApiConfig = (env = process.env) => loadConfig(ApiConfig, env);

export const API_CONFIG = Symbol('API_CONFIG');
