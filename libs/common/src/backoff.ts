/** Exponential back-off with full jitter, capped: retry policy kept apart from business logic. */
export function backoffDelay(attempt: number, baseMs = 200, maxMs = 30_000, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });

/** What an optimistic write (`if_seq_no`/`if_primary_term`, `op_type: create`) reports when someone else wrote first. */
export const CONFLICT = 'conflict' as const;
export type Conflict = typeof CONFLICT;

export interface RetryOnConflictOptions {
  maxAttempts: number;
  /** Names the work in the error thrown after the last attempt. */
  what: string;
  baseMs?: number;
  maxMs?: number;
}

/**
 * Runs `attempt` (read, decide, write with optimistic concurrency) until it returns
 * something other than CONFLICT, sleeping with jittered back-off between tries so racing
 * writers spread out instead of colliding again. Each attempt must re-read what it writes.
 */
export async function retryOnConflict<T>(attempt: (n: number) => Promise<T | Conflict>, opts: RetryOnConflictOptions): Promise<T> {
  for (let n = 0; n < opts.maxAttempts; n++) {
    const outcome = await attempt(n);
    if (outcome !== CONFLICT) return outcome as T;
    if (n + 1 < opts.maxAttempts) await sleep(backoffDelay(n, opts.baseMs ?? 10, opts.maxMs ?? 500));
  }
  throw new Error(`${opts.what}: gave up after ${opts.maxAttempts} write conflicts`);
}
