import { gunzipSync, gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import type { BaselineStatus, ClusterDoc, DetectorStateDoc, Signal } from '@vigil/contracts';
import { DETECTOR_STATE_ID, DetectorStateReader, detectorStateId, isConflict, isNotFound } from '@vigil/search';
import type { DetectorSnapshot } from '@vigil/detection';

export type StateWithoutClusters = Omit<DetectorSnapshot, 'clusters'>;

/** A chunk's outputs, saved with the state that made them and written out after it. */
export interface Outbox {
  clusters: ClusterDoc[];
  baselines: BaselineStatus[];
  signals: Signal[];
}

/** The version of a partition's document this instance last read or wrote (Elasticsearch's optimistic concurrency). */
export interface StateVersion {
  seqNo: number;
  primaryTerm: number;
}

export interface SavedPartition {
  state?: StateWithoutClusters;
  outbox?: Outbox;
  /** The last save's outbox number (0 before the first). */
  outboxSeq: number;
  /** Written by earlier versions only: their outbox's signals were sent. */
  outboxSent: boolean;
  owner?: string;
  version?: StateVersion;
}

/** Another instance claimed the partition since this one read or wrote its document. */
export class PartitionFencedError extends Error {
  constructor(readonly partition: number) {
    super(`partition ${partition} is no longer this instance's: another instance claimed it`);
  }
}

const pack = (v: unknown): string => gzipSync(JSON.stringify(v)).toString('base64');
const unpack = <T>(s: string): T => JSON.parse(gunzipSync(Buffer.from(s, 'base64')).toString('utf8')) as T;

/**
 * The working memory (seen mentions, term statistics, burst baselines) outside the clusters of
 * one partition of mentions.by-watch, saved after every chunk before its offsets are committed,
 * so whichever instance holds the partition next resumes exactly where the committed stream
 * left off. Every write is conditional on the version this instance last saw: a new owner's claim
 * fences the old one out. Index and contract: `@vigil/search` detector-state.index.ts.
 */
@Injectable()
export class DetectorStateRepository extends DetectorStateReader {
  async load(partition: number): Promise<SavedPartition> {
    try {
      const r = await this.search.es.get<DetectorStateDoc>({ index: this.index, id: detectorStateId(partition) });
      const doc = r._source!;
      return {
        state: doc.snapshot ? unpack<StateWithoutClusters>(doc.snapshot) : undefined,
        outbox: doc.outbox ? unpack<Outbox>(doc.outbox) : undefined,
        outboxSeq: doc.outboxSeq ?? 0,
        outboxSent: doc.outboxSent ?? false,
        owner: doc.owner,
        version: { seqNo: r._seq_no!, primaryTerm: r._primary_term! },
      };
    } catch (e) {
      if (isNotFound(e)) return { outboxSeq: 0, outboxSent: false };
      throw e;
    }
  }

  /** The single-instance state of earlier versions (one document for every watch), read once per partition that has none of its own. */
  async loadLegacy(): Promise<StateWithoutClusters | undefined> {
    const doc = await this.get(DETECTOR_STATE_ID);
    return doc?.snapshot ? unpack<StateWithoutClusters>(doc.snapshot) : undefined;
  }

  /** The partition is `owner`'s from now on, unless the document changed since `version` was read (then: PartitionFencedError). */
  async claim(partition: number, owner: string, version: StateVersion | undefined, at: string): Promise<StateVersion> {
    const id = detectorStateId(partition);
    return this.conditionally(partition, () =>
      version
        ? this.search.es.update({ index: this.index, id, doc: { owner, claimedAt: at }, if_seq_no: version.seqNo, if_primary_term: version.primaryTerm })
        : this.search.es.index({ index: this.index, id, op_type: 'create', document: { owner, claimedAt: at } satisfies DetectorStateDoc }),
    );
  }

  async save(partition: number, owner: string, state: StateWithoutClusters, outbox: Outbox, outboxSeq: number, version: StateVersion, savedAt: string): Promise<StateVersion> {
    const document: DetectorStateDoc = { savedAt, snapshot: pack(state), outbox: pack(outbox), outboxSeq, owner };
    return this.conditionally(partition, () =>
      this.search.es.index({ index: this.index, id: detectorStateId(partition), document, if_seq_no: version.seqNo, if_primary_term: version.primaryTerm }),
    );
  }

  private async conditionally(partition: number, write: () => Promise<{ _seq_no?: number; _primary_term?: number }>): Promise<StateVersion> {
    try {
      const r = await write();
      return { seqNo: r._seq_no!, primaryTerm: r._primary_term! };
    } catch (e) {
      if (isConflict(e)) throw new PartitionFencedError(partition);
      throw e;
    }
  }
}
