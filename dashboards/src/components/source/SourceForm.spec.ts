import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { en } from '../../i18n/en';
import { fakeApi, reply } from '../../test-support/fake-api';

const calls = fakeApi((c) => {
  if (c.url === '/api/sources/test') return { ok: false, error: 'GET http://127.0.0.1:1/nothing.rss: HTTP 404', fetched: 0, items: [] };
  if (c.url === '/api/sources') return reply(400, { statusCode: 400, message: 'invalid source', issues: [{ field: 'url', message: 'Invalid URL' }] });
  return {};
});
const SourceForm = (await import('./SourceForm.vue')).default;

describe('SourceForm', () => {
  const mountForm = () => mount(SourceForm, { global: { plugins: [createPinia(), createI18n({ legacy: false, locale: 'en', messages: { en } })] } });

  it('sends the fields of the chosen type, and shows the exact error of a test fetch', async () => {
    const w = mountForm();
    await w.find('[data-test=source-id]').setValue('brand-feed');
    await w.find('[data-test=source-url]').setValue('http://127.0.0.1:1/nothing.rss');
    await w.find('[data-test=source-every]').setValue('1m');
    await w.find('[data-test=source-test]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/sources/test', body: { id: 'brand-feed', type: 'rss', url: 'http://127.0.0.1:1/nothing.rss', every: '1m' } });
    expect(w.find('[data-test=test-error]').text()).toContain('HTTP 404');
  });

  it('shows the field the api refused', async () => {
    const w = mountForm();
    await w.find('[data-test=source-id]').setValue('x');
    await w.find('[data-test=source-save]').trigger('submit');
    await flushPromises();
    expect(w.find('[data-test=source-issues]').text()).toBe('url: Invalid URL');
    expect(w.emitted('saved')).toBeUndefined();
  });
});
