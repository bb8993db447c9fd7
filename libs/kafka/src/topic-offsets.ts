import { sleep } from '@vigil/common';

export type TopicOffsets = { partition: number; offset: string; high: string; low: string }[];

/**
 * kafkajs' `fetchTopicOffsets` for a topic made moments ago can get an empty answer for one of its
 * two ListOffsets calls and then fails with a TypeError ("Cannot destructure property 'partitions'
 * of 'low.pop(...)'") that it does not retry; it failed a replay in fresh-clone CI at load 17.
 * The detector meets it too: a partition without a commit yet (each one of a fresh topic) is read
 * from its earliest offset (KafkaClient.committedOffset).
 * Such a TypeError is asked again a few times; any other error goes straight up.
 */
export async function offsetsRetryingEmptyAnswers(fetch: () => Promise<TopicOffsets>, attempts = 5, waitMs = 300): Promise<TopicOffsets> {
  for (let i = 1; ; i++) {
    try {
      return await fetch();
    } catch (e) {
      if (!(e instanceof TypeError) || i >= attempts) throw e;
      await sleep(waitMs);
    }
  }
}
