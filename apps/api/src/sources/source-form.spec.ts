import { describe, expect, it } from 'vitest';
import { checkSourceForm, keepMaskedSecrets, maskSecrets, SECRET_MASK } from './source-form';

describe('source forms', () => {
  it('checks the structure with placeholders standing for their defaults', () => {
    expect(checkSourceForm({ id: 'demo', type: 'rss', url: 'http://127.0.0.1:${VIGIL_DEMO_PORT:-18090}/x.rss', every: '10s' })).toMatchObject({ ok: true, source: { every: 10_000 } });
    expect(checkSourceForm({ id: 'j', type: 'json', url: 'https://api.example.com/r', headers: { Authorization: 'Bearer ${TOKEN}' }, fields: { id: 'id', text: 'body' } }).ok).toBe(true);
    const bad = checkSourceForm({ id: 'Bad Id', type: 'appstore', appId: 'x', country: 'china' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.field).sort()).toEqual(['appId', 'country', 'id']);
    const mastodon = checkSourceForm({ id: 'm', type: 'mastodon', instance: 'https://mastodon.social' });
    expect(mastodon.ok).toBe(false);
    if (!mastodon.ok) expect(mastodon.issues[0]!.message).toMatch(/exactly one of hashtag or query/);
  });

  it('masks secrets typed as text, keeps placeholders visible, and an edit sending the mask back keeps the secret', () => {
    const stored = { id: 'j', headers: { Authorization: 'Bearer s3cr3t-t0ken-value', 'X-Key': '${REVIEWS_KEY}', 'X-Plain': 'Bearer ${TOKEN}' } };
    const shown = maskSecrets(stored);
    expect(shown.headers).toEqual({ Authorization: SECRET_MASK, 'X-Key': '${REVIEWS_KEY}', 'X-Plain': 'Bearer ${TOKEN}' });
    expect(JSON.stringify(shown)).not.toContain('s3cr3t');
    expect(keepMaskedSecrets({ ...shown, headers: { ...(shown.headers as object), 'X-New': 'v' } }, stored).headers).toEqual({ ...stored.headers, 'X-New': 'v' });
  });
});
