import { Inject, Injectable } from '@nestjs/common';
import { PublishedPlan } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { getVersioned } from '../versioned';
import { singleIndex } from './stored-index';

const keyword = { type: 'keyword' } as const;
const source = { properties: { kind: keyword, file: keyword, actor: keyword, requestId: keyword, at: { type: 'date' } } } as const;

/**
 * The contingency plan in force (writer: responder; read by the api, which serves it to the
 * dashboard, and by other responder instances, which follow it). One document, `_id`
 * `current`: the version the responder runs, its YAML and parsed form, where it came from,
 * and the last edit it refused. The responder decides what is in force; nobody else reads a
 * plan file.
 */
export const planIndex = singleIndex({
  document: 'plan in force',
  suffix: 'plan',
  writer: 'responder',
  schema: PublishedPlan,
  mappings: {
    dynamic: false,
    properties: {
      version: { type: 'integer' },
      hash: keyword,
      name: keyword,
      loadedAt: { type: 'date' },
      source,
      text: { type: 'text', index: false },
      plan: { type: 'object', enabled: false },
      lastRefused: { type: 'object', enabled: false },
    },
  },
});

export const PLAN_DOC_ID = 'current';

/** The published plan as read for writing: the version to compare on the next write. */
export interface StoredPlan {
  doc: PublishedPlan;
  seqNo: number;
  primaryTerm: number;
}

@Injectable()
export class PlanReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return planIndex.name(this.search.options.indexPrefix);
  }

  /** The plan the responder runs; undefined until a responder has published one. */
  async get(): Promise<PublishedPlan | undefined> {
    return (await this.stored())?.doc;
  }

  /** Realtime (a get, not a search), with the sequence number an optimistic write compares. */
  async stored(): Promise<StoredPlan | undefined> {
    const r = await getVersioned<PublishedPlan>(this.search, this.index, PLAN_DOC_ID);
    return r && { doc: PublishedPlan.parse(r.source), seqNo: r.seqNo, primaryTerm: r.primaryTerm };
  }
}
