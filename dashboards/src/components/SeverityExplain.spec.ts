import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { Severity } from '@vigil/contracts';
import { en } from '../i18n/en';
import SeverityExplain from './SeverityExplain.vue';

describe('SeverityExplain', () => {
  it('shows the level, the score and the factors with the largest contribution first', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } });
    const severity: Severity = {
      level: 'urgent',
      score: 61.5,
      factors: [
        { factor: 'volume', value: 12, contribution: 4.2, note: '12 posts' },
        { factor: 'risk_cue', value: 2, contribution: 18, note: 'cues: media, regulator' },
        { factor: 'distinct_authors', value: 9, contribution: 9.6, note: '9 distinct authors' },
      ],
    };
    const w = mount(SeverityExplain, { props: { severity }, global: { plugins: [i18n] } });
    expect(w.find('.badge').text()).toBe('Urgent');
    expect(w.find('[data-test=severity-score]').text()).toBe('score 61.5 / 100');
    const rows = w.findAll('[data-test=factor]').map((r) => r.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['Risk cues', '2', '18', 'cues: media, regulator'],
      ['Distinct authors', '9', '9.6', '9 distinct authors'],
      ['Volume', '12', '4.2', '12 posts'],
    ]);
  });
});
