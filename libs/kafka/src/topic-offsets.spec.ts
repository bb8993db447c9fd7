import { describe, expect, it } from 'vitest';
import { offsetsRetryingEmptyAnswers } from './topic-offsets';

const answer = [{ partition: 0, offset: '3', high: '3', low: '0' }];

describe('offsetsRetryingEmptyAnswers', () => {
  it("asks again after kafkajs' TypeError on an empty ListOffsets answer", async () => {
    let calls = 0;
    const fetch = async () => {
      if (++calls < 3) throw new TypeError("Cannot destructure property 'partitions' of 'low.pop(...)' as it is undefined.");
      return answer;
    };
    await expect(offsetsRetryingEmptyAnswers(fetch, 5, 1)).resolves.toEqual(answer);
    expect(calls).toBe(3);
  });

  it('gives up after its attempts with the last error', async () => {
    let calls = 0;
    const fetch = async (): Promise<typeof answer> => {
      calls++;
      throw new TypeError('empty answer');
    };
    await expect(offsetsRetryingEmptyAnswers(fetch, 3, 1)).rejects.toThrow('empty answer');
    expect(calls).toBe(3);
  });

  it('passes any other error straight up', async () => {
    let calls = 0;
    const fetch = async (): Promise<typeof answer> => {
      calls++;
      throw new Error('This server does not host this topic-partition');
    };
    await expect(offsetsRetryingEmptyAnswers(fetch, 5, 1)).rejects.toThrow('does not host');
    expect(calls).toBe(1);
  });
});
