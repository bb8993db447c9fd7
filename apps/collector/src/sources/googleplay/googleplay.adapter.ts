import { Injectable } from '@nestjs/common';
import fs from 'node:fs/promises';
import type { PollResult, SourceAdapter, SourceCursor } from '../source-adapter';
import type { SourceOf } from '../sources-config';
import { decodeExport, parsePlayCsv, parsePlayJson } from './googleplay-export';

/** Google Play has no public reviews feed: we read an export the user saves, never the store's pages. */
@Injectable()
export class GooglePlayAdapter implements SourceAdapter<'googleplay'> {
  readonly type = 'googleplay' as const;

  async poll(source: SourceOf<'googleplay'>, cursor: SourceCursor): Promise<PollResult> {
    let stat;
    try {
      stat = await fs.stat(source.file);
    } catch (e) {
      throw new Error(`${source.file}: cannot read the export: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
    }
    const fingerprint = `${stat.mtimeMs}:${stat.size}`;
    if (fingerprint === cursor.fingerprint) return { items: [], cursor };
    const text = decodeExport(await fs.readFile(source.file));
    const format = source.format ?? (/\.json$/i.test(source.file) ? 'json' : 'csv');
    const items = format === 'json' ? parsePlayJson(text, source.file) : parsePlayCsv(text, source.file);
    return { items, cursor: { ...cursor, fingerprint } };
  }
}
