import { Partitioners, type PartitionMetadata } from 'kafkajs';

const partitioner = Partitioners.DefaultPartitioner();
const metadata = new Map<number, PartitionMetadata[]>();

/**
 * The partition the producer (kafkajs' default partitioner, murmur2 of the key, as Java's client)
 * sends a keyed message to, for a topic of `partitions` partitions: a stateful consumer uses it to
 * tell which of its stored records belong to a partition it was just given.
 */
export function partitionForKey(key: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1) throw new Error(`partition count must be a positive integer, got ${partitions}`);
  let meta = metadata.get(partitions);
  if (!meta) {
    meta = Array.from({ length: partitions }, (_, i) => ({ partitionId: i, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));
    metadata.set(partitions, meta);
  }
  return partitioner({ topic: '', partitionMetadata: meta, message: { key, value: null } });
}
