import type { ClientInfo } from './sign-in.usecase';

/** The parts of an Express request sign-in reads. */
export interface AuthRequest {
  ip?: string;
  socket?: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}

/** The client's address (Express's `req.ip`, which honours API_TRUST_PROXY) and user agent. */
export function clientInfo(req: AuthRequest): ClientInfo {
  const ua = req.headers['user-agent'];
  return { address: req.ip ?? req.socket?.remoteAddress ?? 'unknown', userAgent: typeof ua === 'string' ? ua.slice(0, 256) : undefined };
}
