import { describe, expect, it } from 'vitest';
import { KafkaJSProtocolError } from 'kafkajs';
import { isMetadataLag, retryWhileMetadataSettles } from './metadata-retry';

/** The error kafkajs throws (its typings take an Error; at run time it reads the protocol entry's fields) from subscribe when the broker has not learnt of the topic yet. */
const unknownTopic = () => new KafkaJSProtocolError({ type: 'UNKNOWN_TOPIC_OR_PARTITION', code: 3, retriable: true, message: 'This server does not host this topic-partition' } as unknown as Error);

function clock() {
  let t = 0;
  return { now: () => t, wait: async (ms: number) => void (t += ms) };
}

describe('retryWhileMetadataSettles', () => {
  it('waits out a topic the broker does not know yet, then goes on', async () => {
    const c = clock();
    let calls = 0;
    const retries: number[] = [];
    const out = await retryWhileMetadataSettles(async () => {
      if (++calls < 4) throw unknownTopic();
      return 'subscribed';
    }, { ...c, onRetry: (_e, n) => retries.push(n) });
    expect(out).toBe('subscribed');
    expect(retries).toEqual([1, 2, 3]);
  });

  it('throws a refusal at once', async () => {
    const c = clock();
    let calls = 0;
    const refused = new KafkaJSProtocolError({ type: 'SASL_AUTHENTICATION_FAILED', code: 58, retriable: false, message: 'Authentication failed' } as unknown as Error);
    await expect(retryWhileMetadataSettles(async () => {
      calls++;
      throw refused;
    }, { ...c })).rejects.toBe(refused);
    expect(calls).toBe(1);
  });

  it('gives up with the broker error once the time is over', async () => {
    const c = clock();
    let calls = 0;
    await expect(retryWhileMetadataSettles(async () => {
      calls++;
      throw unknownTopic();
    }, { timeoutMs: 10_000, ...c })).rejects.toThrow('does not host this topic-partition');
    expect(calls).toBeGreaterThan(2);
    expect(c.now()).toBeGreaterThanOrEqual(10_000);
    expect(c.now()).toBeLessThan(16_000);
  });

  it('tells metadata lag from other errors', () => {
    expect(isMetadataLag(unknownTopic())).toBe(true);
    expect(isMetadataLag(new Error('ECONNREFUSED'))).toBe(false);
    expect(isMetadataLag(undefined)).toBe(false);
  });
});
