/** Every Kafka topic Vigil uses; the only place topic names are spelled. */
export const Topics = {
  mentionsRaw: 'mentions.raw',
  mentionsEnriched: 'mentions.enriched',
  /**
   * mentions.enriched again, keyed by the watch a post is clustered under (the detector re-keys
   * it), so one partition holds whole watches and detector instances can split the partitions.
   */
  mentionsByWatch: 'mentions.by-watch',
  signals: 'signals',
  ticketActions: 'ticket.actions',
  ticketEvents: 'tickets.events',
  alerts: 'alerts',
  /** responder → detector: a ticket's outcome (real incident / false alarm), key: ticket id; compacted, read whole by each detector. */
  incidentOutcomes: 'incidents.outcomes',
  planEdits: 'plan.edits',
  /** Analysts' corrections of a post's analysis (key: mention id), from the api to the indexer. */
  mentionsCorrections: 'mentions.corrections',
  /** A stored post scored again by newly published models (key: mention id), from the processor to the indexer only. */
  mentionsRescored: 'mentions.rescored',
  dlq: 'dlq',
  /** api → collector: fetch a source once (the form's "test fetch"). */
  sourceTests: 'source.tests',
  sourceTestResults: 'source.test-results',
} as const;

export type TopicKey = keyof typeof Topics;
export type TopicName = (typeof Topics)[TopicKey];

/**
 * Tests and parallel deployments prefix every topic so runs never interfere.
 * An empty prefix gives the names above.
 */
export function topicName(key: TopicKey, prefix = ''): string {
  return prefix ? `${prefix}.${Topics[key]}` : Topics[key];
}
