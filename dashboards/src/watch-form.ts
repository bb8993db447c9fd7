import type { Language, TaxonomyCategory, WatchConfigInput, WatchDoc } from '@vigil/contracts';

/** A list typed as text: commas (also Chinese ones) or new lines between items. */
export const splitList = (s: string): string[] => s.split(/[,，\n]/).map((x) => x.trim()).filter(Boolean);
export const joinList = (xs: readonly string[] | undefined): string => (xs ?? []).join(', ');

export interface BrandForm { name: string; aliases: string; handles: string; hashtags: string; appIds: string }
export interface ProductForm { name: string; aliases: string }
export interface CategoryForm { id: string; zh: string; en: string; keywords: string; examples: string }

/** A watch as its form edits it: lists as text, one rule per entry. */
export interface WatchForm {
  id: string;
  name: string;
  description: string;
  competitor: boolean;
  enabled: boolean;
  brands: BrandForm[];
  products: ProductForm[];
  rules: string[];
  exclusions: string[];
  languages: Language[];
  sources: string[];
  sourcesOnly: boolean;
  owners: string;
  plan: string;
  /** `default` with no categories: the default taxonomy; otherwise the categories below. */
  preset: string;
  categories: CategoryForm[];
  /** The version the form started from (a later save by someone else is refused). */
  version?: number;
}

export const emptyBrand = (): BrandForm => ({ name: '', aliases: '', handles: '', hashtags: '', appIds: '' });
export const emptyCategory = (): CategoryForm => ({ id: '', zh: '', en: '', keywords: '', examples: '' });

export function emptyWatchForm(): WatchForm {
  return { id: '', name: '', description: '', competitor: false, enabled: true, brands: [emptyBrand()], products: [], rules: [], exclusions: [], languages: [], sources: [], sourcesOnly: false, owners: '', plan: 'default', preset: 'default', categories: [] };
}

export function toForm(w: WatchDoc): WatchForm {
  return {
    id: w.id,
    name: w.name,
    description: w.description,
    competitor: w.competitor,
    enabled: w.enabled,
    brands: w.brands.map((b) => ({ name: b.name, aliases: joinList(b.aliases), handles: joinList(b.handles), hashtags: joinList(b.hashtags), appIds: joinList(b.appIds) })),
    products: w.products.map((p) => ({ name: p.name, aliases: joinList(p.aliases) })),
    rules: [...w.rules],
    exclusions: [...w.exclusions],
    languages: [...w.languages],
    sources: [...w.sources],
    sourcesOnly: w.sourcesOnly,
    owners: joinList(w.owners),
    plan: w.plan,
    preset: w.taxonomy?.preset ?? 'default',
    categories: (w.taxonomy?.categories ?? []).map(categoryToForm),
    version: w.version,
  };
}

export const categoryToForm = (c: TaxonomyCategory): CategoryForm => ({ id: c.id, zh: c.name.zh, en: c.name.en, keywords: joinList(c.keywords), examples: c.examples.join('\n') });

/** What the api takes; empty rows the form still shows are left out. */
export function toConfig(f: WatchForm): WatchConfigInput {
  const categories = f.categories.filter((c) => c.id.trim()).map((c) => ({
    id: c.id.trim(),
    name: { zh: c.zh.trim() || c.id.trim(), en: c.en.trim() || c.id.trim() },
    keywords: splitList(c.keywords),
    examples: c.examples.split('\n').map((x) => x.trim()).filter(Boolean),
  }));
  return {
    id: f.id.trim(),
    name: f.name.trim(),
    description: f.description,
    competitor: f.competitor,
    enabled: f.enabled,
    brands: f.brands.filter((b) => b.name.trim()).map((b) => ({ name: b.name.trim(), aliases: splitList(b.aliases), handles: splitList(b.handles), hashtags: splitList(b.hashtags), appIds: splitList(b.appIds) })),
    products: f.products.filter((p) => p.name.trim()).map((p) => ({ name: p.name.trim(), aliases: splitList(p.aliases) })),
    rules: f.rules.map((r) => r.trim()).filter(Boolean),
    exclusions: f.exclusions.map((r) => r.trim()).filter(Boolean),
    languages: f.languages,
    sources: f.sources,
    sourcesOnly: f.sourcesOnly,
    owners: splitList(f.owners),
    plan: f.plan.trim() || 'default',
    ...(categories.length || f.preset !== 'default' ? { taxonomy: { preset: f.preset, categories } } : {}),
  };
}
