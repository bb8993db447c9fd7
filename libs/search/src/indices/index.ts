/**
 * What Vigil stores in Elasticsearch: one `<document>.index.ts` per stored document, each
 * with its index name for a prefix, mapping, contract, writer and a read-only reader.
 * The map (document, index, writer, readers) is README.md beside this file.
 *
 * Adding a document: write `<document>.index.ts` like `clusters.index.ts`, add it to
 * `INDICES` and its reader to `READERS` below, and a row to README.md. `ensureIndices`
 * and `search.names` pick it up from here; SearchModule provides the reader everywhere.
 */
import { analysisModelsIndex, AnalysisModelsReader } from './analysis-models.index';
import { baselinesIndex, BaselinesReader } from './baselines.index';
import { clustersIndex, ClustersReader } from './clusters.index';
import { contactViewsIndex, ContactViewsReader } from './contact-views.index';
import { correctionsIndex, CorrectionsReader } from './corrections.index';
import { detectorStateIndex, DetectorStateReader } from './detector-state.index';
import { incidentsIndex, IncidentsReader } from './incidents.index';
import { mentionsIndex, MentionsReader, type MentionsWindow } from './mentions.index';
import { modelUpdatesIndex, ModelUpdatesReader } from './model-updates.index';
import { planIndex, PlanReader } from './plan.index';
import { planVersionsIndex, PlanVersionsReader } from './plan-versions.index';
import { reportsIndex, ReportsReader } from './reports.index';
import { savedSearchesIndex, SavedSearchesReader } from './saved-searches.index';
import { sourceStateIndex, SourceStateReader } from './source-state.index';
import { ticketEventsIndex, TicketEventsReader } from './ticket-events.index';
import { ticketSequencesIndex, TicketSequencesReader } from './ticket-sequences.index';
import { ticketsIndex, TicketsReader } from './tickets.index';
import { watchesIndex, WatchesReader } from './watches.index';
import { configHistoryIndex, ConfigHistoryReader } from './config-history.index';
import { sourcesIndex, SourcesReader } from './sources.index';
import { usersIndex, UsersReader } from './users.index';
import { apiKeysIndex, ApiKeysReader } from './api-keys.index';
import { sessionsIndex, SessionsReader } from './sessions.index';
import { auditIndex, AuditReader } from './audit.index';
import { knowledgeIndex, KnowledgeReader } from './knowledge.index';

export * from './stored-index';
export * from './mentions.index';
export * from './clusters.index';
export * from './tickets.index';
export * from './ticket-events.index';
export * from './incidents.index';
export * from './ticket-sequences.index';
export * from './source-state.index';
export * from './detector-state.index';
export * from './plan.index';
export * from './plan-versions.index';
export * from './contact-views.index';
export * from './saved-searches.index';
export * from './reports.index';
export * from './corrections.index';
export * from './analysis-models.index';
export * from './model-updates.index';
export * from './baselines.index';
export * from './watches.index';
export * from './config-history.index';
export * from './sources.index';
export * from './users.index';
export * from './api-keys.index';
export * from './sessions.index';
export * from './audit.index';
export * from './knowledge.index';

/** Every stored document, by the key it has in `search.names`. */
export const INDICES = {
  mentions: mentionsIndex,
  clusters: clustersIndex,
  tickets: ticketsIndex,
  ticketEvents: ticketEventsIndex,
  incidents: incidentsIndex,
  ticketSequences: ticketSequencesIndex,
  sourceState: sourceStateIndex,
  detectorState: detectorStateIndex,
  plan: planIndex,
  planVersions: planVersionsIndex,
  contactViews: contactViewsIndex,
  savedSearches: savedSearchesIndex,
  reports: reportsIndex,
  corrections: correctionsIndex,
  analysisModels: analysisModelsIndex,
  modelUpdates: modelUpdatesIndex,
  baselines: baselinesIndex,
  watches: watchesIndex,
  configHistory: configHistoryIndex,
  sources: sourcesIndex,
  users: usersIndex,
  apiKeys: apiKeysIndex,
  sessions: sessionsIndex,
  audit: auditIndex,
  knowledge: knowledgeIndex,
} as const;

/** A stored document's key in `INDICES` and `search.names`. */
export type IndexKey = keyof typeof INDICES;

/** The keys `names` lists, checked: an unknown one (a typo in VIGIL_INDICES) is an error naming the known ones. */
export function indexKeys(names: readonly string[]): IndexKey[] {
  const unknown = names.filter((n) => !(n in INDICES));
  if (unknown.length) throw new Error(`unknown stored document(s) ${unknown.join(', ')} in VIGIL_INDICES; known: ${Object.keys(INDICES).join(', ')}`);
  return [...new Set(names)] as IndexKey[];
}

export const READERS = [MentionsReader, ClustersReader, TicketsReader, TicketEventsReader, IncidentsReader, TicketSequencesReader, SourceStateReader, DetectorStateReader, PlanReader, PlanVersionsReader, ContactViewsReader, SavedSearchesReader, ReportsReader, CorrectionsReader, AnalysisModelsReader, ModelUpdatesReader, BaselinesReader, WatchesReader, ConfigHistoryReader, SourcesReader, UsersReader, ApiKeysReader, SessionsReader, AuditReader, KnowledgeReader];

/** The names under one prefix, for raw queries in tests, benchmarks and tools. */
export type IndexNames = { readonly prefix: string; mentionsFor(publishedAt: string | Date, window?: MentionsWindow): string; readonly mentionsArchive: string; readonly mentionsPattern: string } & {
  readonly [K in keyof typeof INDICES]: string;
};

export function indexNames(prefix: string): IndexNames {
  const names = Object.fromEntries(Object.entries(INDICES).map(([key, index]) => [key, index.name(prefix)])) as { [K in keyof typeof INDICES]: string };
  return { ...names, prefix, mentionsPattern: mentionsIndex.pattern(prefix), mentionsArchive: mentionsIndex.archive(prefix), mentionsFor: (publishedAt, window) => mentionsIndex.monthly(prefix, publishedAt, window) };
}
