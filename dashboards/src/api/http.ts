/** The dashboard's one HTTP helper: JSON, the bearer token, errors as `HttpError`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

let tokenSource: () => string | undefined = () => undefined;
let onUnauthorized: () => void = () => undefined;

export function configureHttp(opts: { token: () => string | undefined; unauthorized: () => void }): void {
  tokenSource = opts.token;
  onUnauthorized = opts.unauthorized;
}

export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const token = tokenSource();
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const r = await fetch(path, { ...init, headers });
  if (r.status === 401 && token) onUnauthorized();
  if (!r.ok) {
    const body = await r.json().catch(() => undefined);
    const message = (body as { message?: unknown } | undefined)?.message;
    throw new HttpError(r.status, typeof message === 'string' ? message : `HTTP ${r.status}`, body);
  }
  return r;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path)).json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return (await (await request(path, { method: 'POST', body: JSON.stringify(body) })).json()) as T;
}

/** `?a=1&b=x,y` from an object, skipping empty values. */
export function queryString(params: Record<string, string | number | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
