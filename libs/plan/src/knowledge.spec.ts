import type { KnowledgeEntry, KnowledgeEntryInput, Ticket } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { checkKnowledgeEntry, fillPlaceholders, placeholdersIn, placeholderValues, rankKnowledge } from './knowledge';
import { ticketFactory } from '../../../test/support/ticket-factory';
import { NO_HISTORY } from './complaint-record';

const input = (over: Partial<KnowledgeEntryInput> = {}): KnowledgeEntryInput => ({
  id: 'refund-small',
  kind: 'remedy',
  category: 'billing_refund',
  levels: ['general', 'important'],
  authority: 'frontline',
  remedy: { kind: 'refund', amount: 200, currency: 'CNY' },
  title: { zh: '小额退款', en: 'Small refund' },
  text: { zh: '{customer}您好，订单{order}已退款{amount}。', en: 'Dear {customer}, order {order} is refunded {amount}.' },
  keywords: ['退款'],
  ...over,
});
const stamp = { version: 1, createdAt: '2026-12-01T00:00:00.000Z', createdBy: 'admin', updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: 'admin' };
const entry = (over: Partial<KnowledgeEntry> = {}): KnowledgeEntry => ({ ...input(), ...stamp, ...over }) as KnowledgeEntry;

describe('placeholders', () => {
  it('finds each name once and ignores braces that are not a name', () => {
    expect(placeholdersIn('{customer} {order} {customer} {} {1x} { order }')).toEqual(['customer', 'order']);
  });

  it('fills known values and keeps missing ones visible, listed', () => {
    expect(fillPlaceholders('{customer}：订单{order}，{promisedAt}前回复', { customer: '孙**', order: '123' })).toEqual({ text: '孙**：订单123，{promisedAt}前回复', missing: ['promisedAt'] });
  });

  it('a ticket fills the masked name, never the sealed contact, and the promised time in the plan time zone', () => {
    const t: Ticket = ticketFactory({
      complaint: {
        mentionId: 'a'.repeat(32), channel: 'form', sourceType: 'intake', sourceId: 'intake', receivedAt: '2026-12-01T00:00:00.000Z',
        complainant: { displayName: '孙**', matchKeys: [], contactFields: ['phone'], contact: { v: 1, kid: 'k1', iv: 'aaaa', tag: 'bbbb', data: 'SECRET-13800138000' } as never },
        target: { products: ['外卖'], stores: [], orders: ['2026112300123'] }, places: [], description: 'x', language: 'zh', demands: [], money: [], evidence: [],
        emotion: { level: 'angry', intensity: 0.5 }, sentiment: -0.5, cues: [], history: NO_HISTORY,
      },
      publicUpdates: [{ text: 'x', at: '2026-12-01T00:00:00.000Z', by: 'alice', promisedBy: '2026-12-01T06:30:00.000Z' }],
    });
    const v = placeholderValues(t, { agent: 'alice', lang: 'zh', timeZone: 'Asia/Shanghai', amount: 200 });
    expect(v).toMatchObject({ customer: '孙**', order: '2026112300123', product: '外卖', agent: 'alice', ticket: t.id, amount: '200 CNY' });
    expect(v.promisedAt).toContain('14:30');
    expect(JSON.stringify(v)).not.toContain('SECRET');
    expect(placeholderValues(ticketFactory(), { agent: 'bob', lang: 'en', timeZone: 'UTC' })).toEqual({ ticket: 'CR-2026-000001', agent: 'bob' });
  });
});

describe('checking an entry before it is saved', () => {
  it('accepts a sound entry', () => {
    expect(checkKnowledgeEntry(input(), 500)).toEqual([]);
  });

  it('names every unknown placeholder with its field', () => {
    const issues = checkKnowledgeEntry(input({ text: { zh: '{customer}，{phone}', en: 'Dear {name} {customer}' } }), 500);
    expect(issues).toEqual([
      { field: 'text.zh', message: expect.stringContaining('unknown placeholder {phone}') },
      { field: 'text.en', message: expect.stringContaining('unknown placeholder {name}') },
    ]);
  });

  it('a money remedy above the plan front-line limit must need a lead', () => {
    expect(checkKnowledgeEntry(input({ remedy: { kind: 'refund', amount: 800, currency: 'CNY' } }), 500)).toEqual([{ field: 'authority', message: expect.stringContaining('limit of 500') }]);
    expect(checkKnowledgeEntry(input({ remedy: { kind: 'refund', amount: 800, currency: 'CNY' }, authority: 'lead' }), 500)).toEqual([]);
  });
});

describe('ranking for a ticket', () => {
  const es = [
    entry({ id: 'any-apology', kind: 'reply', remedy: undefined, category: '*', levels: ['general', 'important', 'urgent'], keywords: ['道歉'], title: { zh: '致歉', en: 'Apology' }, text: { zh: '{customer}，非常抱歉。', en: 'We are sorry, {customer}.' } }),
    entry({ id: 'refund-small' }),
    entry({ id: 'refund-old', deletedAt: '2026-12-02T00:00:00.000Z' }),
    entry({ id: 'late-delivery', category: 'logistics' }),
    entry({ id: 'refund-major', levels: ['major'] }),
  ];
  const ids = (xs: KnowledgeEntry[]) => xs.map((e) => e.id);

  it('own category first, then any category; other categories, levels and retired entries never', () => {
    expect(ids(rankKnowledge(es, { categories: ['billing_refund'], level: 'important' }))).toEqual(['refund-small', 'any-apology']);
    expect(ids(rankKnowledge(es, { categories: ['billing_refund'], level: 'major' }))).toEqual(['refund-major']);
    expect(ids(rankKnowledge(es, { includeRetired: true }))).toContain('refund-old');
  });

  it('keywords in the chosen language filter and rank; usage breaks ties', () => {
    expect(ids(rankKnowledge(es, { q: '道歉' }))).toEqual(['any-apology']);
    expect(ids(rankKnowledge(es, { q: 'refunded', lang: 'zh' }))).toEqual([]);
    expect(ids(rankKnowledge(es, { q: 'refunded', lang: 'en' }))).toEqual(['late-delivery', 'refund-major', 'refund-small']);
    expect(ids(rankKnowledge(es, { q: 'refunded', lang: 'en' }, { 'refund-small': 3 }))).toEqual(['refund-small', 'late-delivery', 'refund-major']);
  });
});
