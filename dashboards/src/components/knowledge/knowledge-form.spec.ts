import { describe, expect, it } from 'vitest';
import { buildKnowledge, emptyKnowledge, serverErrors } from './knowledge-form';

describe('the knowledge-base form', () => {
  it('names every missing field and a bad id before anything is sent', () => {
    const r = buildKnowledge({ ...emptyKnowledge(), id: 'Bad Id', levels: [] });
    expect(r.body).toBeUndefined();
    expect(r.errors).toMatchObject({ id: ['badId'], levels: ['needLevel'], titleZh: ['required', { field: 'titleZh' }], textEn: ['required', { field: 'textEn' }] });
  });

  it('builds a remedy with its amount, a reply without one', () => {
    const f = { ...emptyKnowledge(), id: 'refund-200', kind: 'remedy' as const, remedyKind: 'refund' as const, amount: '200', titleZh: '退款', titleEn: 'Refund', textZh: '{customer}您好', textEn: 'Dear {customer}', keywords: '退款，refund' };
    expect(buildKnowledge(f).body).toMatchObject({ id: 'refund-200', remedy: { kind: 'refund', amount: 200, currency: 'CNY' }, keywords: ['退款', 'refund'] });
    expect(buildKnowledge({ ...f, kind: 'reply' }).body).not.toHaveProperty('remedy');
  });

  it('puts the api field names on the form fields', () => {
    expect(serverErrors([{ field: 'text.zh', message: 'unknown placeholder {phone}' }, { field: 'authority', message: 'above the limit' }])).toEqual({ textZh: 'unknown placeholder {phone}', authority: 'above the limit' });
  });
});
