import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ApiKeyDoc } from '@vigil/contracts';
import { ApiKeysReader, hashApiKey } from '@vigil/search';

/** API keys (index, mapping, contract: `@vigil/search` api-keys.index.ts); the api is the one writer. */
@Injectable()
export class ApiKeysRepository extends ApiKeysReader {
  /** Returns the key itself: shown once, stored only as its hash. */
  async create(doc: Omit<ApiKeyDoc, 'hint'>): Promise<{ key: string; id: string; hint: string }> {
    const key = `vgk_${randomBytes(32).toString('base64url')}`;
    const id = hashApiKey(key);
    const hint = key.slice(0, 10);
    await this.search.es.create({ index: this.index, id, document: { ...doc, hint }, refresh: 'wait_for' });
    return { key, id, hint };
  }

  async revoke(id: string, by: string, at: Date): Promise<void> {
    await this.search.es.update({ index: this.index, id, doc: { revoked: true, revokedAt: at.toISOString(), revokedBy: by }, refresh: 'wait_for' });
  }
}
