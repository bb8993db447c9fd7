import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';

interface Req {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}
interface Res {
  status(code: number): Res;
  json(body: unknown): void;
}
type Next = () => void;

/**
 * The dashboard's policy: scripts and style sheets from our own origin only, no frames. The
 * socket connects to the same origin ('self' covers ws: there). Style *attributes* are allowed
 * (style-src-attr): ECharts writes its tooltips as markup with style attributes, and no markup
 * from a post ever reaches the page (posts render as text), so nothing foreign can carry one.
 */
const DASHBOARD_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  styleSrcElem: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Swagger UI at the docs path runs an inline bootstrap and inline styles: allowed there only. */
const DOCS_CSP = { ...DASHBOARD_CSP, scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], styleSrcElem: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'https:'] };

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Security headers on every answer (CSP, X-Frame-Options DENY, nosniff, no X-Powered-By,
 * Referrer-Policy, HSTS) and JSON-only bodies on /api: a form post (urlencoded or multipart)
 * is refused with 415 instead of being parsed, so no browser form on another site can post to us.
 */
export function applyHttpSecurity(app: INestApplication, opts: { docsPath?: string } = {}): void {
  const express = app.getHttpAdapter().getInstance() as { disable?(name: string): void };
  express.disable?.('x-powered-by');
  const common = { frameguard: { action: 'deny' as const }, referrerPolicy: { policy: 'same-origin' as const }, crossOriginEmbedderPolicy: false };
  const main = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: DASHBOARD_CSP } });
  const docs = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } });
  const docsPath = opts.docsPath;
  app.use((req: Req, res: Res, next: Next) => (docsPath && req.path.startsWith(docsPath) ? docs : main)(req as never, res as never, next));
  app.use((req: Req, res: Res, next: Next) => {
    if (!BODY_METHODS.has(req.method) || !req.path.startsWith('/api/') || !hasBody(req)) return next();
    const type = header(req, 'content-type') ?? '';
    if (JSON_TYPE.test(type)) return next();
    res.status(415).json({ statusCode: 415, error: 'Unsupported Media Type', message: `send the body as application/json${type ? ` (got ${type.split(';')[0].slice(0, 80)})` : ''}` });
  });
}

function header(req: Req, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function hasBody(req: Req): boolean {
  const length = header(req, 'content-length');
  return header(req, 'transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}
