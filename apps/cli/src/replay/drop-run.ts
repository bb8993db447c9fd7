import { KafkaClient } from '@vigil/kafka';
import { SearchClient } from '@vigil/search';

export interface DroppedRun {
  /** The run's consumer groups deleted. */
  groups: string[];
  /** The run's consumer groups left because they still had members (-1: a member joined while deleting). */
  groupsInUse: { groupId: string; members: number }[];
}

/**
 * Removes a run's indices (`<run>-…`, by name: Elasticsearch refuses wildcard deletes), consumer
 * groups (`<run>.…`, the names `KafkaClient.groupId` gives under the run's topic prefix) and topics
 * (`<run>.…`), with clients of its own, so it works after the run's app has closed. A group that
 * still has members is not deleted (Kafka refuses it): it is returned in `groupsInUse`, and stays
 * on the broker after its members leave until Kafka expires it.
 * Used by `vigil replay` and by the benchmarks.
 */
export async function dropRun(run: string, elasticsearchUrl: string, kafkaBrokers: string, clientId: string): Promise<DroppedRun> {
  const search = new SearchClient({ node: elasticsearchUrl, indexPrefix: `${run}-` });
  const kafka = new KafkaClient({ brokers: kafkaBrokers.split(','), clientId, topicPrefix: run });
  try {
    await search.deleteIndices(`${run}-*`);
    // Groups before topics: a group outlives the topics it read (its empty shell stays listed).
    const groups = await kafka.deleteGroupsWithPrefix(`${run}.`);
    await kafka.deleteTopicsWithPrefix(`${run}.`);
    return { groups: groups.deleted, groupsInUse: groups.busy };
  } finally {
    await search.onApplicationShutdown();
    await kafka.onApplicationShutdown();
  }
}
