import { vi } from 'vitest';

export interface FakeCall {
  method: string;
  /** Path and query, decoded: `/api/mentions/by-ids?ids=a,b`. */
  url: string;
  body?: unknown;
  authorization: string | null;
}

/**
 * Stands in for the api at the fetch level, so specs run the real client (paths, parameters,
 * the bearer middleware, error mapping). `answer` returns the JSON body, or `reply(status, body)`;
 * a promise that never settles leaves the call pending.
 */
export function fakeApi(answer: (call: FakeCall) => unknown) {
  const calls: FakeCall[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const call: FakeCall = { method: request.method, url: decodeURIComponent(url.pathname + url.search), authorization: request.headers.get('authorization'), ...(text && { body: JSON.parse(text) }) };
    calls.push(call);
    const r = await answer(call);
    const { status, body } = isReply(r) ? r : { status: 200, body: r };
    return new Response(JSON.stringify(body ?? {}), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

const REPLY = Symbol('reply');
export const reply = (status: number, body?: unknown) => ({ [REPLY]: true, status, body });
const isReply = (r: unknown): r is { status: number; body?: unknown } => !!r && typeof r === 'object' && REPLY in r;
