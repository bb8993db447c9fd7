import { describe, expect, it } from 'vitest';
import { emptySourceForm, fromConfig, toConfig } from './source-form';

describe('source form', () => {
  it('writes only the fields of its type, lists and numbers as such', () => {
    const f = { ...emptySourceForm('appstore'), id: 'store', appId: '1234567890', country: 'CN', every: '30m', keywords: '鲜达，FreshDash', rate: '0.5', url: 'ignored' };
    expect(toConfig(f)).toEqual({ id: 'store', type: 'appstore', appId: '1234567890', country: 'cn', every: '30m', keywords: ['鲜达', 'FreshDash'], rate: 0.5 });
  });

  it('reads a stored configuration back, headers and the JSON mapping included', () => {
    const stored = { id: 'j', type: 'json', url: 'https://x/api', enabled: false, headers: { Authorization: 'Bearer ${TOKEN}' }, items: 'data.reviews', fields: { id: 'id', text: 'body', time: 'created_at' } };
    const f = fromConfig(stored);
    expect(f.headers).toBe('Authorization: Bearer ${TOKEN}');
    expect(toConfig(f)).toEqual(stored);
  });
});
