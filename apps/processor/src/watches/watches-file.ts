import fs from 'node:fs';
import { z } from 'zod';
import { formatYamlIssues, parseYamlWithSchema, WatchConfig } from '@vigil/contracts';
import { validateWatchRules } from '@vigil/watch';
import { resolveTaxonomy, TAXONOMY_PRESETS } from '@vigil/analysis';

/** A watch whose rules parse: a bad rule is an issue on its path, so the YAML error names its line. */
const CheckedWatch = WatchConfig.superRefine((w, ctx) => {
  for (const e of validateWatchRules(w).errors) ctx.addIssue({ code: 'custom', path: e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: e.message });
  if (resolveTaxonomy(w.taxonomy, TAXONOMY_PRESETS) === null) ctx.addIssue({ code: 'custom', path: ['taxonomy', 'preset'], message: `no preset "${w.taxonomy!.preset}" (${Object.keys(TAXONOMY_PRESETS).join(', ')})` });
});

const WatchList = z.object({ watches: z.array(CheckedWatch).min(1) }).superRefine((f, ctx) => {
  const ids = new Set<string>();
  f.watches.forEach((w, i) => {
    if (ids.has(w.id)) ctx.addIssue({ code: 'custom', path: ['watches', i, 'id'], message: `duplicate watch id "${w.id}"` });
    ids.add(w.id);
  });
});

export class WatchesFileError extends Error {}

/**
 * Reads a watch file for `vigil analyze --watch`, `vigil replay --watch` and the processor's
 * WATCHES_FILE: one watch, or `watches: [...]`, in YAML or JSON (the configuration the api
 * stores). Every problem names the file, line and field; a bad rule also its character.
 */
export function parseWatchesFile(text: string, file: string): WatchConfig[] {
  const isList = /^watches\s*:/m.test(text) || /^\s*\{\s*"watches"\s*:/.test(text);
  if (isList) {
    const r = parseYamlWithSchema(text, file, WatchList);
    if (!r.ok) throw new WatchesFileError(`invalid watch file:\n${formatYamlIssues(r.errors)}`);
    return r.value.watches;
  }
  const r = parseYamlWithSchema(text, file, CheckedWatch);
  if (!r.ok) throw new WatchesFileError(`invalid watch file:\n${formatYamlIssues(r.errors)}`);
  return [r.value];
}

export function loadWatchesFile(file: string): WatchConfig[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new WatchesFileError(`cannot read watch file ${file}: ${(e as Error).message}`);
  }
  return parseWatchesFile(text, file);
}
