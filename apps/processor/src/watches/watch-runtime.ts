import type { WatchConfig, WatchMatch } from '@vigil/contracts';
import { createAnalyzer, DEFAULT_TAXONOMY, resolveTaxonomy, TAXONOMY_PRESETS, type Analyzer, type CategoryDef, type ProductDef, type SentimentModelSource, type Taxonomy } from '@vigil/analysis';
import { compileWatches, type WatchMatcher } from '@vigil/watch';

/**
 * Everything the processor derives from the watch configuration, built once per change and
 * swapped in whole (a post is analysed with one consistent set): an analyzer whose segmenter
 * knows the brands' and products' names, the matcher, and each watch's taxonomy.
 */
export interface WatchRuntime {
  analyzer: Analyzer;
  /** Absent when no watch is configured: mentions then carry no `watches` (the implicit `_all`). */
  matcher?: WatchMatcher;
  /** The taxonomy for a post's matches; undefined keeps the default. */
  taxonomyFor(matches: readonly WatchMatch[]): Taxonomy | undefined;
  revision: string;
  watches: number;
}

const MERGED_CACHE = 256;

export function buildWatchRuntime(watches: readonly WatchConfig[], base: { products: ProductDef[]; modelSource?: SentimentModelSource }, revision: string): WatchRuntime {
  const names = watches.flatMap((w) => w.brands.flatMap((b) => [b.name, ...b.aliases]));
  const products = [...base.products, ...watches.flatMap((w) => w.products.map((p) => ({ name: p.name, aliases: p.aliases })))];
  const analyzer = createAnalyzer({ products, userDictionary: names, ...(base.modelSource ? { modelSource: base.modelSource } : {}) });
  const custom = new Map<string, { categories: readonly CategoryDef[]; taxonomy: Taxonomy }>();
  for (const w of watches) {
    // An unknown preset cannot get past the api or the file loader; left at the default if it does.
    const categories = resolveTaxonomy(w.taxonomy, TAXONOMY_PRESETS);
    if (categories) custom.set(w.id, { categories, taxonomy: analyzer.compileTaxonomy(categories) });
  }
  const merged = new Map<string, Taxonomy>();

  return {
    analyzer,
    matcher: watches.length ? compileWatches(watches) : undefined,
    revision,
    watches: watches.length,
    taxonomyFor(matches) {
      if (!matches.length || !custom.size) return undefined;
      if (matches.length === 1) return custom.get(matches[0]!.id)?.taxonomy;
      // A post about two watches gets both taxonomies' categories (the default's if one has none).
      const key = matches.map((m) => (custom.has(m.id) ? m.id : '')).join('|');
      if (!key.replace(/\|/g, '')) return undefined;
      let t = merged.get(key);
      if (!t) {
        const seen = new Set<string>();
        const defs = matches.flatMap((m) => custom.get(m.id)?.categories ?? DEFAULT_TAXONOMY).filter((c) => !seen.has(c.id) && seen.add(c.id));
        t = analyzer.compileTaxonomy(defs);
        if (merged.size >= MERGED_CACHE) merged.clear();
        merged.set(key, t);
      }
      return t;
    },
  };
}
