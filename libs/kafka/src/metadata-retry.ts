import { backoffDelay, sleep } from '@vigil/common';

/**
 * A broker that has not learnt of a topic yet answers UNKNOWN_TOPIC_OR_PARTITION ("This server
 * does not host this topic-partition"): on a cluster formed a moment ago, a topic one broker just
 * created reaches the others' metadata a little later. kafkajs retries this inside send and fetch,
 * but not in `consumer.subscribe`, so an app starting then died. Such errors are waited out here,
 * bounded; anything else (a refused password, a bad topic name) is thrown at once.
 */
export async function retryWhileMetadataSettles<T>(
  work: () => Promise<T>,
  opts: { timeoutMs?: number; onRetry?: (err: Error, attempt: number, delayMs: number) => void; now?: () => number; wait?: (ms: number) => Promise<void> },
): Promise<T> {
  const now = opts.now ?? Date.now;
  const wait = opts.wait ?? ((ms: number) => sleep(ms));
  const deadline = now() + (opts.timeoutMs ?? 60_000);
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!isMetadataLag(e) || now() >= deadline) throw e;
      const delayMs = Math.min(backoffDelay(attempt, 200, 5_000), Math.max(0, deadline - now()));
      opts.onRetry?.(e as Error, attempt + 1, delayMs);
      await wait(delayMs);
    }
  }
}

/** kafkajs' protocol errors that mean "metadata not there yet", not "refused". */
export function isMetadataLag(e: unknown): boolean {
  const type = (e as { type?: unknown } | null)?.type;
  return type === 'UNKNOWN_TOPIC_OR_PARTITION' || type === 'LEADER_NOT_AVAILABLE' || type === 'NOT_LEADER_OR_FOLLOWER' || type === 'NOT_LEADER_FOR_PARTITION';
}
