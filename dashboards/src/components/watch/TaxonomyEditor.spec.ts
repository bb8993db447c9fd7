import { describe, expect, it } from 'vitest';
import { defineComponent, h, reactive } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { en } from '../../i18n/en';
import { fakeApi } from '../../test-support/fake-api';
import { emptyWatchForm, toConfig } from '../../watch-form';

// Two ready-made sets as the api lists them (GET /api/watches/taxonomy-presets).
const cat = (id: string, zh: string, keywords: string[]) => ({ id, name: { zh, en: id }, keywords, examples: [] });
const calls = fakeApi(() => ({
  presets: [
    { id: 'default', name: { zh: '零售与外卖', en: 'Retail and delivery' }, categories: [cat('logistics', '物流配送', ['快递', '配送'])] },
    { id: 'airline', name: { zh: '航空', en: 'Airline' }, categories: [cat('flight_delay', '航班延误', ['延误', 'delayed']), cat('baggage', '行李', ['行李', 'luggage'])] },
  ],
}));
const TaxonomyEditor = (await import('./TaxonomyEditor.vue')).default;

// The watch page's use of the editor: both models bound to the watch form.
const form = reactive(emptyWatchForm());
const Host = defineComponent(() => () =>
  h(TaxonomyEditor, {
    preset: form.preset,
    categories: form.categories,
    'onUpdate:preset': (v: string) => (form.preset = v),
    'onUpdate:categories': (v: typeof form.categories) => (form.categories = v),
  }),
);

describe('TaxonomyEditor', () => {
  it('picks a ready-made set, copies it to edit, adds a category; the watch saves them as typed', async () => {
    const w = mount(Host, { global: { plugins: [createPinia(), createI18n({ legacy: false, locale: 'en', messages: { en } })] } });
    await flushPromises();
    expect(calls.map((c) => c.url)).toEqual(['/api/watches/taxonomy-presets']);
    expect(w.findAll('[data-test=preset] option').map((o) => o.text())).toEqual(['Retail and delivery', 'Airline']);
    // The default set as it ships: nothing is written into the watch.
    expect(toConfig(form).taxonomy).toBeUndefined();

    await w.find('[data-test=preset]').setValue('airline');
    expect(toConfig(form).taxonomy).toEqual({ preset: 'airline', categories: [] });
    await w.find('[data-test=copy-preset]').trigger('click');
    expect(w.findAll('fieldset.cat')).toHaveLength(2);

    await w.findAll('button').find((b) => b.text() === en.watches.add.category)!.trigger('click');
    const added = w.findAll('fieldset.cat')[2]!;
    await added.findAll('input')[0]!.setValue('refund');
    await added.findAll('input')[1]!.setValue('退款');
    await added.findAll('input')[3]!.setValue('退款，refund, 退钱');
    await added.find('textarea').setValue('申请退票三周了还没退款\n\nStill waiting for my refund');
    // Removing the baggage category leaves the others as they were.
    await w.findAll('fieldset.cat')[1]!.find('button').trigger('click');

    expect(toConfig(form).taxonomy).toEqual({
      preset: 'airline',
      categories: [
        { id: 'flight_delay', name: { zh: '航班延误', en: 'flight_delay' }, keywords: ['延误', 'delayed'], examples: [] },
        { id: 'refund', name: { zh: '退款', en: 'refund' }, keywords: ['退款', 'refund', '退钱'], examples: ['申请退票三周了还没退款', 'Still waiting for my refund'] },
      ],
    });
  });
});
