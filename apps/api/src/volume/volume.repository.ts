import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { MentionsReader } from '@vigil/search';
import { watchFilter } from '../mentions/mention-query';
import type { VolumeWindow } from './volume.dto';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Post counts of the last `hours` and of the same clock window on each of the past `days`
 * days, in one query (a date_range aggregation), so the live page can say "volume vs the
 * usual for this time of day" — the comparison the crisis room asks first.
 */
@Injectable()
export class VolumeRepository {
  constructor(private readonly mentions: MentionsReader) {}

  async windows(now: Date, hours: number, days: number, watch: readonly string[] = []): Promise<VolumeWindow[]> {
    const end = now.getTime();
    const ranges = Array.from({ length: days + 1 }, (_, k) => ({ key: String(k), from: end - hours * HOUR - k * DAY, to: end - k * DAY }));
    const res = await this.mentions.query({
      size: 0,
      query: { bool: { filter: [{ range: { publishedAt: { gte: ranges.at(-1)!.from, lt: end, format: 'epoch_millis' } } }, ...(watchFilter(watch) ? [watchFilter(watch)!] : [])] } },
      aggs: {
        windows: {
          date_range: { field: 'publishedAt', format: 'epoch_millis', ranges },
          aggs: { negative: { filter: { term: { 'analysis.sentiment.label': 'negative' } } } },
        },
      },
    });
    const buckets = ((res.aggregations?.windows as estypes.AggregationsDateRangeAggregate | undefined)?.buckets ?? []) as Array<{ key?: string; doc_count: number; negative?: { doc_count: number } }>;
    const byKey = new Map(buckets.map((b) => [b.key, b]));
    return ranges.map((r) => {
      const b = byKey.get(r.key);
      return { from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString(), total: b?.doc_count ?? 0, negative: b?.negative?.doc_count ?? 0 };
    });
  }
}
