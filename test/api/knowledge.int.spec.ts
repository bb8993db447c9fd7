// Real parts: Kafka, Elasticsearch, the responder module and the api module (HTTP) on 127.0.0.1.
// A single complaint's signal is produced on Kafka as the detector sends it; the responder opens its
// ticket and applies the actions the api forwards. The knowledge base is managed and used over HTTP.
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataKeyRing, ManualClock, normaliseContact } from '@vigil/common';
import type { KnowledgeEntry, Ticket, TicketEvent } from '@vigil/contracts';
import { startApi, type ApiKit } from '../support/api-kit';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';
import { makeSignal, startResponder, writeTestPlan } from '../responder/responder-fixtures';

const MENTION = 'e'.repeat(32);
type Body = Record<string, unknown> & { issues?: { field: string; message: string }[]; message?: string };

describe('api: the knowledge base, managed by leads and admins and used on a ticket', () => {
  const keys = DataKeyRing.generateEntry('k1');
  const ring = DataKeyRing.parse(keys);
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'k'.repeat(40), VIGIL_DATA_KEYS: keys, PLAN_FILE: writeTestPlan('http://127.0.0.1:9'), WEBHOOKS_ENABLED: 'false', RESPONDER_TICK_MS: '0', PLAN_WATCH_MS: '0' });
  let responder: INestApplicationContext;
  let api: ApiKit;
  let tc: KafkaTestClient;
  const token: Record<'admin' | 'agent' | 'lead' | 'analyst', string> = { admin: '', agent: '', lead: '', analyst: '' };
  let ticketId = '';

  const call = async (method: string, p: string, who: keyof typeof token, body?: unknown): Promise<{ status: number; body: Body }> => {
    const r = await fetch(`${api.base}${p}`, { method, headers: { authorization: `Bearer ${token[who]}`, ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Body };
  };
  const entry = (over: Record<string, unknown> = {}) => ({
    id: 'refund-large', kind: 'remedy', category: 'billing_refund', levels: ['important', 'urgent'], authority: 'lead',
    remedy: { kind: 'refund', amount: 800, currency: 'CNY' },
    title: { zh: '全额退款', en: 'Full refund' },
    text: { zh: '{customer}您好，订单{order}全额退款{amount}，由{agent}跟进。', en: 'Dear {customer}, order {order} is refunded {amount} in full; {agent} follows up.' },
    keywords: ['退款'],
    ...over,
  });
  const events = async () => ((await call('GET', `/api/tickets/${ticketId}`, 'agent')).body as unknown as { events: TicketEvent[] }).events;
  const usage = async (id: string) => ((await call('GET', '/api/knowledge?includeRetired=true', 'agent')).body.entries as { entry: KnowledgeEntry; usage: number }[]).find((e) => e.entry.id === id)?.usage;

  beforeAll(async () => {
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    responder = await startResponder(env, new ManualClock(new Date()));
    api = await startApi(env);
    token.admin = await api.login('admin', 'admin-password-1');
    // The test plan names `agent` (front line) and `lead` (cs_lead, an approver role) as role members.
    for (const [u, role] of [['agent', 'responder'], ['lead', 'responder'], ['analyst', 'analyst']] as const) {
      expect((await call('POST', '/api/users', 'admin', { username: u, role, password: `${u}-password-1` })).status).toBe(201);
      token[u] = await api.login(u, `${u}-password-1`);
    }
    const contact = { box: ring.seal({ name: '孙丽华', phone: '13800138000' }, `contact:${MENTION}`), fields: ['name', 'phone'] as ('name' | 'phone')[], matchKeys: [ring.match('phone', normaliseContact('phone', '13800138000'))] };
    const signal = makeSignal({
      id: `risk_flag:mention:${MENTION}`, kind: 'risk_flag', key: `mention:${MENTION}`, clusterId: undefined, label: '我要找你们经理，退款800元', riskCues: ['manager_request'], channels: ['form'], categories: ['billing_refund'],
      metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: 0, maxMoney: 800 }, sampleMentionIds: [MENTION],
      post: {
        mentionId: MENTION, sourceId: 'intake-form', sourceType: 'intake', channel: 'form', publishedAt: new Date().toISOString(), author: { name: '孙**' },
        text: '我要找你们经理，退款800元，订单号 2026112300123', language: 'zh', sentiment: -0.8, emotion: { level: 'angry', intensity: 0.8 },
        orderIds: ['2026112300123'], money: [{ amount: 800, currency: 'CNY' }], products: [], places: [], cues: [{ kind: 'manager_request', evidence: '找你们经理' }], contact,
      },
    });
    await tc.produce('signals', [{ key: signal.key, value: JSON.stringify(signal) }]);
    const list = await pollUntil('the complaint ticket', async () => (await call('GET', '/api/tickets', 'agent')).body.tickets as Ticket[], (ts) => ts.some((t) => t.complaint?.mentionId === MENTION));
    ticketId = list.find((t) => t.complaint?.mentionId === MENTION)!.id;
  }, 120_000);

  afterAll(async () => {
    await responder?.close();
    await tc?.close();
    await api?.search.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await api?.close();
  });

  it('leads and admins manage entries; agents read; bad input is refused naming the field', async () => {
    expect((await call('POST', '/api/knowledge', 'agent', entry())).status).toBe(403);
    expect((await call('GET', '/api/knowledge', 'analyst')).status).toBe(403);
    const unknown = await call('POST', '/api/knowledge', 'lead', entry({ text: { zh: '{customer}，请拨打{phone}', en: 'Dear {customer}' } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([{ field: 'text.zh', message: expect.stringContaining('unknown placeholder {phone}') }]);
    const frontline = await call('POST', '/api/knowledge', 'lead', entry({ authority: 'frontline' }));
    expect(frontline.status).toBe(400);
    expect(frontline.body.issues).toEqual([{ field: 'authority', message: expect.stringContaining("above the front line's limit of 500") }]);
    expect((await call('POST', '/api/knowledge', 'lead', entry({ kind: 'reply' }))).body.issues).toEqual([{ field: 'remedy', message: expect.any(String) }]);

    expect((await call('POST', '/api/knowledge', 'lead', entry())).status).toBe(201);
    expect((await call('POST', '/api/knowledge', 'admin', entry())).status).toBe(409);
    const reply = { id: 'first-reply', kind: 'reply', category: '*', levels: ['general', 'important'], authority: 'frontline', title: { zh: '首次回应', en: 'First reply' }, text: { zh: '{customer}您好，工单{ticket}已受理，{promisedAt}前答复。', en: 'Dear {customer}, case {ticket} is in hand; answer by {promisedAt}.' } };
    expect((await call('POST', '/api/knowledge', 'admin', reply)).status).toBe(201);
    expect((await call('POST', '/api/knowledge', 'admin', { ...reply, id: 'logistics-only', category: 'logistics' })).status).toBe(201);

    // Edits name the version they started from: the second editor of version 1 gets a 409.
    const edited = await call('PUT', '/api/knowledge/first-reply?version=1', 'admin', { ...reply, keywords: ['安抚'] });
    expect(edited.body.entry).toMatchObject({ version: 2, keywords: ['安抚'], updatedBy: 'admin' });
    const stale = await call('PUT', '/api/knowledge/first-reply?version=1', 'lead', { ...reply, keywords: ['late'] });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('was changed by admin');
    expect(((await call('GET', '/api/knowledge/first-reply/history', 'agent')).body.history as { version: number }[]).map((h) => h.version)).toEqual([2, 1]);

    // Search by category, level and keyword in a language.
    const ids = async (q: string) => ((await call('GET', `/api/knowledge${q}`, 'agent')).body.entries as { entry: KnowledgeEntry }[]).map((e) => e.entry.id);
    expect(await ids('?category=billing_refund&level=important')).toEqual(['refund-large', 'first-reply']);
    expect(await ids('?level=general')).toEqual(['first-reply', 'logistics-only']);
    expect(await ids('?q=refunded&lang=en')).toEqual(['refund-large']);
    expect(await ids('?q=refunded&lang=zh')).toEqual([]);
  });

  it("suggests the ticket's entries filled with its record (the masked name, never the sealed contact)", async () => {
    const agent = await call('GET', `/api/knowledge/suggest?ticket=${ticketId}&lang=zh`, 'agent');
    expect(agent.status).toBe(200);
    expect(agent.body).toMatchObject({ ticketId, categories: ['billing_refund'], level: 'important' });
    const s = agent.body.suggestions as { entry: KnowledgeEntry; filled: { text: string; missing: string[] }; needsApproval: boolean }[];
    expect(s.map((x) => x.entry.id)).toEqual(['refund-large', 'first-reply']);
    expect(s[0].filled.text).toBe('孙**您好，订单2026112300123全额退款800 CNY，由agent跟进。');
    expect(s[0].needsApproval).toBe(true);
    expect(s[1].filled.missing).toEqual(['promisedAt']);
    expect(JSON.stringify(agent.body)).not.toMatch(/13800138000|孙丽华/);
    const lead = await call('GET', `/api/knowledge/suggest?ticket=${ticketId}&lang=en`, 'lead');
    expect((lead.body.suggestions as { needsApproval: boolean; filled: { text: string } }[])[0]).toMatchObject({ needsApproval: false, filled: { text: expect.stringContaining('Dear 孙**, order 2026112300123') } });
    expect((await call('GET', '/api/knowledge/suggest?ticket=CR-2026-999999', 'agent')).status).toBe(404);
  });

  it('using an entry on the ticket: a lead entry waits for approval, counted once however often the action is sent; retired and unknown entries are refused', async () => {
    expect((await call('POST', `/api/tickets/${ticketId}/actions`, 'agent', { type: 'acknowledge' })).status).toBe(202);
    await pollUntil('acknowledged', async () => (await events()).map((e) => e.type), (ts) => ts.includes('acknowledged'));
    const propose = { type: 'propose_remedy', requestId: 'kb-propose-0001', remedy: { kind: 'refund', amount: 800, currency: 'CNY', description: '全额退款' }, knowledge: { entryId: 'refund-large', version: 1 } };
    // Sent twice (a retried click): one remedy, one event, one use.
    for (let i = 0; i < 2; i++) expect((await call('POST', `/api/tickets/${ticketId}/actions`, 'agent', propose)).status).toBe(202);
    const reply = { type: 'record_response', requestId: 'kb-reply-0001', channel: 'phone', text: '孙**您好……', knowledge: { entryId: 'first-reply', version: 2 } };
    expect((await call('POST', `/api/tickets/${ticketId}/actions`, 'agent', reply)).status).toBe(202);
    const evs = await pollUntil('the remedy and the reply', events, (es) => es.some((e) => e.type === 'response_recorded'));
    expect(evs.filter((e) => e.type === 'remedy_proposed')).toEqual([expect.objectContaining({ knowledge: { entryId: 'refund-large', version: 1 }, after: expect.objectContaining({ status: 'awaiting_approval' }) })]);
    expect(evs.find((e) => e.type === 'response_recorded')?.knowledge).toEqual({ entryId: 'first-reply', version: 2 });
    await pollUntil('usage counted', () => usage('refund-large'), (n) => n === 1);
    expect(await usage('first-reply')).toBe(1);
    expect(await usage('logistics-only')).toBe(0);

    const refused = async (body: unknown) => call('POST', `/api/tickets/${ticketId}/actions`, 'agent', body);
    expect((await refused({ ...propose, requestId: undefined, knowledge: { entryId: 'no-such-entry', version: 1 } })).status).toBe(400);
    expect((await refused({ ...propose, requestId: undefined, knowledge: { entryId: 'refund-large', version: 7 } })).body.message).toContain('has no version 7');
    expect((await refused({ ...reply, requestId: undefined, knowledge: { entryId: 'refund-large', version: 1 } })).body.message).toContain('is a remedy, not a reply');
    expect((await call('DELETE', '/api/knowledge/logistics-only?version=1', 'agent')).status).toBe(403);
    expect((await call('DELETE', '/api/knowledge/logistics-only?version=1', 'lead')).body.entry).toMatchObject({ version: 2, deletedBy: 'lead' });
    const retired = await refused({ ...reply, requestId: undefined, knowledge: { entryId: 'logistics-only', version: 1 } });
    expect(retired.status).toBe(409);
    expect(retired.body.message).toContain('was retired by lead');
    expect(await call('GET', '/api/knowledge?level=general', 'agent').then((r) => (r.body.entries as { entry: KnowledgeEntry }[]).map((e) => e.entry.id))).toEqual(['first-reply']);
    // Nothing refused reached the ticket or the counts.
    expect(await usage('logistics-only')).toBe(0);
    expect((await events()).filter((e) => e.knowledge)).toHaveLength(2);
  });
});
