import { Inject, Injectable } from '@nestjs/common';
import { SourceDoc, type ConfigAction } from '@vigil/contracts';
import { lookup } from 'node:dns/promises';
import { BlockedAddressError, checkAddress, checkLiteralHost, Clock, createLogger, urlPort } from '@vigil/common';
import { ConfigHistoryReader, SearchClient, SourcesReader } from '@vigil/search';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { VersionedDocs, type ChangeResult } from '../config-docs/versioned-docs';
import { checkSourceForm, endpointsOf, keepMaskedSecrets } from './source-form';

export type SourceSaveResult = { ok: true; source: SourceDoc } | { ok: false; status: 400 | 404 | 409; message: string; issues?: { field: string; message: string }[] };

/**
 * Adds, edits, pauses, resumes, deletes and restores sources managed in the product, each change
 * a version with its history entry. A form is checked as the collector will read it, and a URL
 * that points at a private address is refused here already (the collector's guard refuses it
 * again at every fetch), unless COLLECTOR_ALLOW_HOSTS lists that host and port.
 */
@Injectable()
export class SaveSourceUseCase {
  private readonly logger = createLogger('api');
  readonly docs: VersionedDocs<SourceDoc>;

  constructor(
    search: SearchClient,
    reader: SourcesReader,
    history: ConfigHistoryReader,
    private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.docs = new VersionedDocs(search, 'source', () => reader.index, () => history.index, SourceDoc);
  }

  async create(form: unknown, actor: string): Promise<SourceSaveResult> {
    const checked = await this.check(form);
    if (!checked.ok) return checked;
    const now = this.clock.now().toISOString();
    const r = await this.docs.create({ id: checked.id, config: checked.config, version: 1, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor });
    return this.done(r, actor, 'create');
  }

  async update(id: string, form: unknown, expectedVersion: number | undefined, actor: string): Promise<SourceSaveResult> {
    const stored = (await this.docs.getVersioned(id))?.doc;
    const edited = keepMaskedSecrets({ ...(form as Record<string, unknown>), id }, stored?.config);
    const checked = await this.check(edited);
    if (!checked.ok) return checked;
    return this.change(id, expectedVersion, actor, 'update', undefined, (current) =>
      current.deletedAt ? { ok: false, status: 409, message: `source "${id}" is deleted; restore it first` } : { ok: true, next: { ...current, config: checked.config } });
  }

  /** Pause (enabled: false) or resume: the collector stops or starts polling it within seconds. */
  async setEnabled(id: string, enabled: boolean, expectedVersion: number | undefined, actor: string, note?: string): Promise<SourceSaveResult> {
    return this.change(id, expectedVersion, actor, 'update', note, (current) =>
      current.deletedAt ? { ok: false, status: 409, message: `source "${id}" is deleted` } : { ok: true, next: { ...current, config: { ...current.config, enabled } } });
  }

  async delete(id: string, expectedVersion: number | undefined, actor: string): Promise<SourceSaveResult> {
    return this.change(id, expectedVersion, actor, 'delete', undefined, (current) =>
      current.deletedAt ? { ok: false, status: 409, message: `source "${id}" is already deleted` } : { ok: true, next: { ...current, deletedAt: this.clock.now().toISOString(), deletedBy: actor } });
  }

  async restore(id: string, actor: string, note?: string): Promise<SourceSaveResult> {
    return this.change(id, undefined, actor, 'restore', note, (current) => {
      if (!current.deletedAt) return { ok: false, status: 409, message: `source "${id}" is not deleted` };
      const { deletedAt: _a, deletedBy: _b, ...rest } = current;
      return { ok: true, next: rest };
    });
  }

  /** The form's structure, and its hosts against the private-address guard. */
  async check(form: unknown): Promise<{ ok: true; id: string; config: Record<string, unknown> } | { ok: false; status: 400; message: string; issues: { field: string; message: string }[] }> {
    const r = checkSourceForm(form);
    if (!r.ok) return { ok: false, status: 400, message: 'invalid source', issues: r.issues };
    for (const url of endpointsOf(r.source)) {
      if (url.hostname === 'placeholder') continue;
      try {
        await checkEndpoint(url, this.config.COLLECTOR_ALLOW_HOSTS);
      } catch (e) {
        // A name that does not resolve from here may from the collector: the test fetch will say.
        if (!(e instanceof BlockedAddressError)) continue;
        return { ok: false, status: 400, message: 'refused address', issues: [{ field: r.source.type === 'mastodon' ? 'instance' : r.source.type === 'appstore' ? 'baseUrl' : 'url', message: (e as Error).message }] };
      }
    }
    return { ok: true, id: r.source.id, config: form as Record<string, unknown> };
  }

  private async change(id: string, expectedVersion: number | undefined, actor: string, action: ConfigAction, note: string | undefined, next: Parameters<VersionedDocs<SourceDoc>['change']>[4]): Promise<SourceSaveResult> {
    return this.done(await this.docs.change(id, expectedVersion, actor, action, next, this.clock.now().toISOString(), note), actor, action);
  }

  private done(r: ChangeResult<SourceDoc>, actor: string, action: ConfigAction): SourceSaveResult {
    if (!r.ok) return r;
    this.logger.info({ sourceId: r.doc.id, actor, action, version: r.doc.version }, 'source changed');
    return { ok: true, source: r.doc };
  }
}

/** The collector's guard, asked once at save: every address the host resolves to, on the URL's port. */
async function checkEndpoint(url: URL, allow: ApiConfig['COLLECTOR_ALLOW_HOSTS']): Promise<void> {
  checkLiteralHost(url, allow, 'COLLECTOR_ALLOW_HOSTS');
  const port = urlPort(url);
  for (const a of await lookup(url.hostname, { all: true })) checkAddress(url.hostname, a.address, port, allow, 'COLLECTOR_ALLOW_HOSTS');
}
