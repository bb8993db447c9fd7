// Real parts: Kafka, Elasticsearch, every app in one process as `npm start` runs them (collector with
// its intake endpoint, processor, indexer, detector, responder, api), an RSS feed on 127.0.0.1.
// Complaints come in as a customer sends them; nothing is mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintReference, mentionId, type Ticket } from '@vigil/contracts';
import { DataKeyRing } from '@vigil/common';
import { AllInOneModule } from '../../apps/cli/src/start/all-in-one.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { createIntakeKey } from '../../apps/collector/src/intake/intake-keys';
import { TestFeedServer, rss } from '../support/feed-server';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';
import { writeTestPlan } from '../responder/responder-fixtures';

const MIN = 60_000;

describe('single complaints: from the intake endpoint and a feed to tickets with their complaint record', () => {
  const feed = new TestFeedServer();
  const intakeKey = createIntakeKey('web-form');
  const dataKeys = DataKeyRing.generateEntry('k1');
  let app: INestApplication;
  let api: string;
  let admin: string;
  const users: Record<'agent' | 'lead' | 'intern', string> = { agent: '', lead: '', intern: '' };
  let managerTicket: Ticket;
  let progressPath = '';
  let tc: KafkaTestClient;
  let signals: { key: string | null; value: string }[];

  const now = () => new Date().toISOString();
  const intake = (channel: string, body: Record<string, unknown>) =>
    fetch(`${api}/api/intake/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${intakeKey.key}` }, body: JSON.stringify(body) });
  const call = async <T>(method: string, p: string, token = admin, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${api}${p}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const tickets = async () => (await call<{ tickets: Ticket[] }>('GET', '/api/tickets?size=100')).body.tickets;
  const ticketOf = (mention: string) => tickets().then((ts) => ts.filter((t) => t.complaint?.mentionId === mention));
  const minutesAfterOpening = (t: Ticket, iso: string | undefined) => Math.round((Date.parse(iso!) - Date.parse(t.slaStartedAt)) / MIN);

  beforeAll(async () => {
    await feed.start();
    const t0 = new Date(Date.now() - 60_000).toUTCString();
    feed.serve(
      '/brand.rss',
      rss([
        { guid: 'media-1', title: '鲜达外卖', description: '再不退款我就找媒体曝光，订单号 2026112300123', author: 'weibo-user-7', pubDate: t0 },
        { guid: 'cold-1', title: '鲜达外卖', description: '菜凉了，难吃', author: 'weibo-user-8', pubDate: t0 },
      ]),
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-complaints-'));
    fs.writeFileSync(path.join(dir, 'sources.yaml'), `sources:\n  - { id: brand, type: rss, url: "${feed.url}/brand.rss", every: 1s, channel: social }\n`);
    const env = testEnv({
      SOURCES_FILE: path.join(dir, 'sources.yaml'),
      COLLECTOR_ALLOW_HOSTS: `127.0.0.1:${new URL(feed.url).port}`,
      INTAKE_API_KEYS: intakeKey.entry,
      VIGIL_DATA_KEYS: dataKeys,
      PLAN_FILE: writeTestPlan(feed.url),
      WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${new URL(feed.url).port}`,
      API_PORT: '0',
      VIGIL_ADMIN_PASSWORD: 'complaints-admin-pw',
      DETECTOR_TICK_MS: '1000',
      PROGRESS_RATE_PER_MINUTE: '40',
    });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    app = await NestFactory.create(AllInOneModule.forRoot(env), { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'complaints-admin-pw' }) });
    admin = ((await login.json()) as { token: string }).token;
    signals = await tc.collect('signals');
    // The default plan names `agent` (front line) and `lead` (CS lead) as role members; `intern` is in no role.
    for (const name of Object.keys(users) as (keyof typeof users)[]) {
      expect((await call('POST', '/api/users', admin, { username: name, role: 'responder', password: `${name}-password-1` })).status).toBe(201);
      const r = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: name, password: `${name}-password-1` }) });
      users[name] = ((await r.json()) as { token: string }).token;
    }
  }, 240_000);

  afterAll(async () => {
    await tc?.close();
    await app?.close();
    await feed.stop();
  });

  it('opens exactly one ticket per complaint, at the level and SLA the plan gives its trigger', async () => {
    const manager = { id: 'form-1', text: '我要找你们经理，退款800元', time: now(), author: { name: '孙女士', id: 'app-user-1' }, contact: { phone: '13800138000' } };
    const medical = { id: 'call-7', text: '老人急着去医院看病，外卖两个小时还没到，赶紧处理', time: now(), contact: { email: 'li.lei@example.com' } };
    const plainForm = { id: 'form-2', text: '配送员态度不好', time: now(), author: { id: 'app-user-2' } };
    const accepted = await intake('form', manager);
    expect(accepted.status).toBe(202);
    const answer = (await accepted.json()) as { reference: string; progressPath: string };
    progressPath = answer.progressPath;
    expect(answer.reference).toBe(complaintReference(mentionId('intake-form', 'form-1')));
    expect((await intake('hotline', medical)).status).toBe(202);
    expect((await intake('form', plainForm)).status).toBe(202);
    // The caller retries: one mention, one ticket.
    expect((await intake('form', manager)).status).toBe(202);

    const ids = {
      manager: mentionId('intake-form', 'form-1'),
      medical: mentionId('intake-hotline', 'call-7'),
      plain: mentionId('intake-form', 'form-2'),
      media: mentionId('brand', 'media-1'),
      cold: mentionId('brand', 'cold-1'),
    };
    const all = await pollUntil(
      'four complaint tickets',
      tickets,
      (ts) => [ids.manager, ids.medical, ids.plain, ids.media].every((id) => ts.some((t) => t.complaint?.mentionId === id)),
      { timeoutMs: 180_000, intervalMs: 1000 },
    );
    const of = (id: string) => all.filter((t) => t.complaint?.mentionId === id);
    for (const id of [ids.manager, ids.medical, ids.plain, ids.media]) expect(of(id)).toHaveLength(1);

    const [m] = of(ids.manager);
    expect(m).toMatchObject({ level: 'important', incidentKey: `mention:${ids.manager}` });
    expect(m!.triggers).toEqual(expect.arrayContaining(['manager-request', 'above-frontline-authority', 'pushed-complaint']));
    expect(minutesAfterOpening(m!, m!.slaDeadlines.acknowledge)).toBe(30);
    expect(minutesAfterOpening(m!, m!.slaDeadlines.firstResponse)).toBe(60);

    const [med] = of(ids.medical);
    expect(med).toMatchObject({ level: 'urgent' });
    expect(med!.triggers).toEqual(expect.arrayContaining(['medical-or-exam', 'vulnerable-person']));
    expect(minutesAfterOpening(med!, med!.slaDeadlines.acknowledge)).toBe(10);

    expect(of(ids.plain)[0]).toMatchObject({ level: 'general', triggers: ['pushed-complaint'] });
    expect(of(ids.media)[0]).toMatchObject({ level: 'urgent', triggers: ['media-attention'] });

    // The complaint record: channel, reference, demands read from the text, orders as fields, a sealed contact.
    expect(m!.complaint).toMatchObject({
      channel: 'form',
      reference: answer.reference,
      complainant: { displayName: '孙**', authorId: 'app-user-1', contactFields: ['name', 'phone'] },
      demands: [{ kind: 'refund', source: 'detected' }],
      money: [{ amount: 800, currency: 'CNY' }],
      description: '我要找你们经理，退款800元',
    });
    expect(JSON.stringify(all)).not.toContain('13800138000');
    expect(JSON.stringify(all)).not.toContain('li.lei@example.com');
    expect(of(ids.media)[0]!.complaint).toMatchObject({ channel: 'social', target: { orders: ['2026112300123'] }, demands: [{ kind: 'refund' }] });
    // An ordinary complaint from the feed gets no ticket of its own.
    expect(all.some((t) => t.complaint?.mentionId === ids.cold)).toBe(false);
    managerTicket = m!;
  }, 240_000);

  it("counts the same person's earlier complaint as history and a repeat, raising the new one's level", async () => {
    // Same phone, another message with no repeat wording at all: only the match key can find the first ticket.
    expect((await intake('app', { id: 'app-9', text: '外卖送错了地址，请尽快处理', time: now(), contact: { phone: '+86 138-0013-8000' } })).status).toBe(202);
    const id = mentionId('intake-app', 'app-9');
    const [t] = await pollUntil('the repeat complaint ticket', () => ticketOf(id), (ts) => ts.length === 1, { timeoutMs: 120_000, intervalMs: 1000 });
    expect(t!.complaint!.history).toMatchObject({ tickets: [{ id: managerTicket.id, matchedBy: 'person' }], repeatCount: 1 });
    expect(t!.triggers).toEqual(expect.arrayContaining(['repeat-complaint', 'pushed-complaint']));
    expect(t!.level).toBe('important');
    // Analytics counts it in the repeat-complaint rate (docs/analytics.md); the first complaint is not a repeat.
    expect(t!.analytics).toMatchObject({ repeat: true });
    expect(managerTicket.analytics).toMatchObject({ repeat: false });
  }, 180_000);

  it("opens the complainant's contact only for the roles the plan allows, and records every attempt", async () => {
    const id = managerTicket.id;
    const denied = await call<{ message: string }>('POST', `/api/tickets/${id}/contact`, users.intern, {});
    expect(denied.status).toBe(403);
    expect(denied.body.message).toMatch(/members of frontline, cs_lead, legal and the ticket's assignees .* intern is neither \(this attempt was recorded\)/);
    expect((await call('POST', `/api/tickets/${id}/contact`, admin, {})).status).toBe(403);
    const shown = await call<{ name: string; phone: string }>('POST', `/api/tickets/${id}/contact`, users.agent, { reason: '回电确认退款' });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ name: '孙女士', phone: '13800138000' });
    // Once assigned, the intern may open it as the ticket's assignee.
    expect((await call('POST', `/api/tickets/${id}/actions`, users.lead, { type: 'assign', assignee: 'intern' })).status).toBe(202);
    await pollUntil('intern assigned', () => call<{ ticket: Ticket }>('GET', `/api/tickets/${id}`), (r) => r.body.ticket.assignees.some((a) => a.actor === 'intern'));
    expect((await call('POST', `/api/tickets/${id}/contact`, users.intern, {})).status).toBe(200);
    const audit = await pollUntil('four attempts recorded', () => call<{ actor: string; outcome: string; basis: string; reason?: string }[]>('GET', `/api/tickets/${id}/contact-views`, users.lead), (r) => r.body.length === 4);
    expect(audit.body.map((v) => [v.actor, v.outcome, v.basis]).reverse()).toEqual([
      ['intern', 'denied', 'not allowed'],
      ['admin', 'denied', 'not allowed'],
      ['agent', 'shown', 'role:frontline'],
      ['intern', 'shown', 'assignee'],
    ]);
    expect(JSON.stringify(audit.body)).not.toContain('13800138000');
  });

  it('runs the case through every step from the api, refusing what the lifecycle forbids', async () => {
    const id = managerTicket.id;
    const act = (token: string, body: Record<string, unknown>) => call<{ requestId: string }>('POST', `/api/tickets/${id}/actions`, token, body);
    const events = () => call<{ ticket: Ticket; events: { type: string; requestId?: string; error?: { code: string; message: string } }[] }>('GET', `/api/tickets/${id}`);
    const outcome = async (r: { body: { requestId: string } }) => {
      const got = await pollUntil('the action applied or refused', events, (x) => x.body.events.some((e) => e.requestId === r.body.requestId));
      return got.body.events.filter((e) => e.requestId === r.body.requestId).at(-1)!;
    };
    expect(await outcome(await act(users.agent, { type: 'resolve', rootCause: 'system', note: 'x' }))).toMatchObject({ type: 'action_rejected', error: { code: 'not_acknowledged' } });
    expect((await outcome(await act(users.agent, { type: 'acknowledge' }))).type).toBe('acknowledged');
    expect((await act(users.agent, { type: 'resolve', rootCause: 'nonsense', note: 'x' })).status).toBe(400);
    expect((await outcome(await act(users.agent, { type: 'propose_remedy', remedy: { kind: 'refund', amount: 800, description: '全额退款 800 元' } }))).type).toBe('remedy_proposed');
    expect(await outcome(await act(users.agent, { type: 'approve_remedy', remedyId: 'r1', approve: true }))).toMatchObject({ type: 'action_rejected', error: { code: 'not_authorised' } });
    expect((await outcome(await act(users.lead, { type: 'approve_remedy', remedyId: 'r1', approve: true }))).type).toBe('remedy_decided');
    expect((await outcome(await act(users.agent, { type: 'pause_waiting', reason: '等待客户确认' }))).type).toBe('waiting_started');
    expect((await outcome(await act(users.agent, { type: 'record_agreement', remedyId: 'r1', agreed: true }))).type).toBe('agreement_recorded');
    expect((await outcome(await act(users.agent, { type: 'resolve', rootCause: 'system', note: '退款接口超时，已人工退款' }))).type).toBe('resolved');
    expect((await outcome(await act(users.agent, { type: 'record_satisfaction', score: 5 }))).type).toBe('satisfaction_recorded');
    expect((await outcome(await act(users.lead, { type: 'close_with_review', review: { rootCause: '退款接口超时', category: 'refund', actionsTaken: ['人工退款'] } }))).type).toBe('closed');
    const final = (await events()).body;
    expect(final.ticket).toMatchObject({ state: 'closed', resolution: { rootCause: 'system' }, remedies: [{ id: 'r1', status: 'agreed', decidedBy: 'lead' }], satisfaction: { score: 5 } });
    expect(final.ticket.pausedIntervals[0]!.to).toBeDefined();
  });

  it('the progress link shows the complainant public fields only; unknown and forged links are one 404', async () => {
    const json = async (p: string) => {
      const r = await fetch(`${api}${p}`);
      return { status: r.status, headers: r.headers, body: (await r.json()) as Record<string, unknown> };
    };
    const token = progressPath.slice(3);
    // The earlier test's close reaches the stored ticket a moment after its action was accepted.
    const closed = await pollUntil('the closed case', () => json(`/api/public/progress/${token}`), (r) => r.body.status === 'closed');
    expect(closed.status).toBe(200);
    expect(closed.headers.get('cache-control')).toBe('no-store');
    expect(closed.body).toEqual({ reference: managerTicket.complaint!.reference, status: 'closed', receivedAt: managerTicket.complaint!.receivedAt, updatedAt: expect.any(String) });
    // Reopened by the lead, with an update and a promised time for the complainant.
    const id = managerTicket.id;
    const promisedBy = new Date(Date.now() + 2 * 3_600_000).toISOString();
    await call('POST', `/api/tickets/${id}/actions`, users.lead, { type: 'reopen', reason: '客户来电：退款仍未到账' });
    await call('POST', `/api/tickets/${id}/actions`, users.agent, { type: 'comment', text: '内部备注：财务系统排查中，客户电话 13800138000' });
    await call('POST', `/api/tickets/${id}/actions`, users.agent, { type: 'post_public_update', text: '已为您重新提交退款，请留意到账', promisedBy });
    const open = await pollUntil('the public update', () => json(`/api/public/progress/${token}`), (r) => r.body.lastUpdate !== undefined);
    expect(open.body).toEqual({
      reference: managerTicket.complaint!.reference,
      status: 'in_progress',
      receivedAt: managerTicket.complaint!.receivedAt,
      lastUpdate: { text: '已为您重新提交退款，请留意到账', at: expect.any(String) },
      promisedBy,
      updatedAt: expect.any(String),
    });
    const page = await fetch(`${api}${progressPath}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('已为您重新提交退款');
    expect(html).toContain(managerTicket.complaint!.reference);
    for (const internal of [id, '内部备注', '13800138000', '孙女士', 'important', 'agent', 'lead', '<script']) expect(html).not.toContain(internal);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');

    // Unknown, forged and malformed links answer the same 404, page and JSON alike.
    const forged = Buffer.from(token, 'base64url');
    forged[20] ^= 1;
    const other = DataKeyRing.parse(DataKeyRing.generateEntry('zz'));
    const { progressToken } = await import('@vigil/common');
    for (const bad of [forged.toString('base64url'), progressToken(other, mentionId('intake-form', 'form-1')), 'abc']) {
      const r = await fetch(`${api}/api/public/progress/${bad}`);
      expect(r.status).toBe(404);
      expect(await r.json()).toMatchObject({ statusCode: 404, message: 'no such progress page' });
      expect((await fetch(`${api}/p/${bad}`)).status).toBe(404);
    }
  });

  it('a complaint replayed after its ticket was closed and reopened opens no second ticket', async () => {
    const mention = managerTicket.complaint!.mentionId;
    const [original] = await pollUntil('the original signal', async () => signals.filter((m) => m.value.includes(`risk_flag:mention:${mention}`)), (l) => l.length > 0);
    const marker = { ...JSON.parse(signals.find((m) => m.value.includes('"channel":"hotline"'))!.value), id: 'risk_flag:mention:marker', key: 'mention:marker' };
    marker.post = { ...marker.post, mentionId: 'c'.repeat(32) };
    marker.key = `mention:${'c'.repeat(32)}`;
    // Same message key: the marker is handled after the replay on the same partition.
    await tc.produce('signals', [{ key: 'replay', value: original!.value }, { key: 'replay', value: JSON.stringify(marker) }]);
    await pollUntil('the marker ticket', () => ticketOf('c'.repeat(32)), (ts) => ts.length === 1);
    expect((await ticketOf(mention)).map((t) => t.id)).toEqual([managerTicket.id]);
  });

  it('rate-limits the progress page per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await fetch(`${api}/api/public/progress/${'x'.repeat(43)}`)).status);
    expect(statuses).toContain(429);
    const limited = await fetch(`${api}${progressPath}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
