import type { ApiConfig } from '../api.config';

/** The browser's session: `<id>.<secret>`, httpOnly (no script can read it), sent to /api/auth only. */
export const SESSION_COOKIE = 'vigil_session';
export const SESSION_COOKIE_PATH = '/api/auth';

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  secure: boolean;
  path: string;
  maxAge?: number;
}

/** SameSite=Strict: another site's page cannot make the browser send it (no cross-site refresh or sign-out). */
export function sessionCookieOptions(config: Pick<ApiConfig, 'API_COOKIE_SECURE'>, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.API_COOKIE_SECURE, path: SESSION_COOKIE_PATH, ...(maxAgeMs === undefined ? {} : { maxAge: Math.max(0, Math.floor(maxAgeMs)) }) };
}

export function parseSessionCookie(value: unknown): { id: string; secret: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{32,128})$/.exec(value);
  return m ? { id: m[1]!, secret: m[2]! } : undefined;
}
