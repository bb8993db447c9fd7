import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { WatchConfig, type WatchMatch } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { createTextViewer, type TextView } from '@vigil/analysis';
import { candidateQuery, compileWatches, validateWatchRules, type WatchIssue } from '@vigil/watch';
import { MentionsRepository } from '../mentions/mentions.repository';
import type { PreviewWatchBody, WatchPreview } from './watches.dto';

/** Candidates re-matched at most: about a second of work. */
export const PREVIEW_SCAN_CAP = 5_000;

/**
 * "How many posts of the last 7 days would this watch have matched, and 20 of them", before it is
 * saved. Two steps, because neither alone is right: Elasticsearch narrows the posts with a query
 * built from the rules (fast, but over-matching: it splits Chinese into characters, so 退款 is also
 * found in 衰退款式, and it has no NEAR in characters), then every candidate is matched again with
 * the processor's own matcher over the stored text, segmented as the processor does. The count is
 * exact when all candidates fit in PREVIEW_SCAN_CAP, else scaled from the newest ones and said so.
 */
@Injectable()
export class PreviewWatchUseCase {
  private viewer?: { key: string; view: (p: { text: string; title?: string; langHint?: string }) => TextView };

  constructor(
    private readonly mentions: MentionsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(body: PreviewWatchBody): Promise<{ ok: true; preview: WatchPreview } | { ok: false; issues: WatchIssue[] }> {
    const parsed = WatchConfig.safeParse({ id: 'preview', name: 'preview', ...body.watch, enabled: true });
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
    const watch = parsed.data;
    const { errors, warnings } = validateWatchRules(watch);
    if (errors.length) return { ok: false, issues: errors };

    const to = this.clock.now();
    const from = new Date(to.getTime() - body.days * 86_400_000).toISOString();
    const query = candidateQuery(watch) as estypes.QueryDslQueryContainer | null;
    const candidates = await this.mentions.countSince(query, from);
    const matcher = compileWatches([watch]);
    const view = this.viewerFor(watch);
    let scanned = 0;
    let matched = 0;
    const examples: WatchPreview['examples'] = [];
    for await (const page of this.mentions.candidates(query, from, PREVIEW_SCAN_CAP)) {
      for (const m of page) {
        scanned++;
        const v = view({ text: m.text, title: m.title, langHint: m.langHint });
        const hit: WatchMatch | undefined = matcher.match({ ...v, sourceId: m.sourceId, channel: m.channel, author: m.author, meta: m.meta })[0];
        if (!hit) continue;
        matched++;
        if (examples.length < body.examples) {
          examples.push({ mention: { id: m.id, sourceId: m.sourceId, channel: m.channel, title: m.title, text: m.text, publishedAt: m.publishedAt, url: m.url, sentiment: m.analysis?.sentiment?.label }, rule: hit.rule });
        }
      }
    }
    const exact = scanned >= candidates;
    return {
      ok: true,
      preview: { from, to: to.toISOString(), candidates, scanned, matched, total: exact || !scanned ? matched : Math.round((matched / scanned) * candidates), exact, examples, warnings },
    };
  }

  /** The processor's segmentation knows the brands' names: so does the preview's (kept for the next call with the same names). */
  private viewerFor(watch: WatchConfig) {
    const names = watch.brands.flatMap((b) => [b.name, ...b.aliases]).concat(watch.products.flatMap((p) => [p.name, ...p.aliases]));
    const key = names.join('\u0000');
    if (this.viewer?.key !== key) this.viewer = { key, view: createTextViewer(names) };
    return this.viewer.view;
  }
}
