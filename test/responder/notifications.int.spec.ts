// Real parts: Kafka, Elasticsearch, the responder module, an SMTP server (smtp-server) and a chat-bot
// webhook receiver on 127.0.0.1 started by this test. The clock is a ManualClock (to pass the
// back-off); nothing else is mocked.
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import { TicketEvent, type Ticket } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { SlaTicker } from '../../apps/responder/src/clock/sla-ticker.service';
import { TicketsRepository } from '../../apps/responder/src/tickets/tickets.repository';
import { KafkaTestClient } from '../support/kafka-test-client';
import { TestFeedServer } from '../support/feed-server';
import { pollUntil, testEnv } from '../support/test-env';
import { makeSignal, startResponder, writeTestPlan } from './responder-fixtures';

/** The body of a quoted-printable mail as text (nodemailer encodes non-ASCII text that way). */
const mailText = (raw: string) => Buffer.from(raw.split(/\r\n\r\n/).slice(1).join('\r\n\r\n').replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

const DINGTALK_SECRET = 'SECdingtalk-test-secret';
const FEISHU_SECRET = 'feishu-test-secret';

/** The default plan with a channel of every kind, each role paged through some of them. */
function pagingPlan(hooks: string): string {
  return writeTestPlan(hooks, (text) =>
    text
      .replace(/ {4}channels: \[wecom-service\]\n/, '    channels: [dingtalk-duty]\n')
      .replace('{ name: 公关部 / PR desk, email: pr@example.com, phone: "+86-000-0000-0001" }', '{ name: 公关部 / PR desk, email: pr@example.com, chat: "feishu:ou_pr_desk" }\n    channels: [feishu-pr, email]')
      .replace('{ name: 法务部 / Legal, email: legal@example.com }', '{ name: 法务部 / Legal, email: legal@example.com, chat: "slack:U024LEGAL" }\n    channels: [slack-legal]')
      .replace(
        '  channels:\n    - id: wecom-service',
        `  channels:\n    - { id: dingtalk-duty, type: dingtalk, url: "${hooks}/dingtalk?access_token=t0k" }\n    - { id: feishu-pr, type: feishu, url: "${hooks}/feishu" }\n    - { id: slack-legal, type: slack, url: "${hooks}/slack" }\n    - id: wecom-service`,
      )
      // The plan's own webhooks are covered by the lifecycle test.
      .replace(/ {2}webhooks:\n[\s\S]*?\n# -{10,}/, '  webhooks: []\n\n# ----------'),
  );
}

describe('paging people: every kind of channel, recorded on the ticket, failures retried', () => {
  const hooks = new TestFeedServer();
  const received: { path: string; query: URLSearchParams; body: Record<string, unknown>; key: string }[] = [];
  const mails: { to: string[]; raw: string }[] = [];
  const clock = new ManualClock(new Date('2026-03-02T01:00:00.000Z'));
  let smtp: SMTPServer;
  let smtpCalls = 0;
  let slackCalls = 0;
  let env: NodeJS.ProcessEnv;
  let tc: KafkaTestClient;
  let app: INestApplicationContext;
  let repo: TicketsRepository;
  let events: { key: string | null; value: string }[];

  beforeAll(async () => {
    await hooks.start();
    const receive = (path: string, answer: (n: number) => [number, string]) => {
      let n = 0;
      hooks.routes.set(path, (req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ path, query: new URL(req.url!, hooks.url).searchParams, body: JSON.parse(body) as Record<string, unknown>, key: String(req.headers['idempotency-key']) });
          const [status, text] = answer(++n);
          res.writeHead(status, { 'content-type': 'application/json' }).end(text);
        });
      });
    };
    receive('/hook/wecom-service', () => [200, '{"errcode":0,"errmsg":"ok"}']);
    receive('/dingtalk', () => [200, '{"errcode":0,"errmsg":"ok"}']);
    receive('/feishu', () => [200, '{"code":0,"msg":"success","data":{}}']);
    // Slack is down for the first call.
    receive('/slack', (n) => ((slackCalls = n) === 1 ? [503, 'service unavailable'] : [200, 'ok']));
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          // The first message meets a full mailbox (a temporary failure): it must be retried.
          if (++smtpCalls === 1) return callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    env = testEnv({
      PLAN_FILE: pagingPlan(hooks.url),
      WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${new URL(hooks.url).port}`,
      RESPONDER_TICK_MS: '0',
      PLAN_WATCH_MS: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_STARTTLS: 'false',
      SMTP_FROM: 'Vigil <vigil@example.com>',
      NOTIFY_SECRETS: `dingtalk-duty=${DINGTALK_SECRET},feishu-pr=${FEISHU_SECRET}`,
      DASHBOARD_URL: 'https://vigil.example.com',
    });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    app = await startResponder(env, clock);
    repo = app.get(TicketsRepository);
    events = await tc.collect('ticketEvents');
  });

  afterAll(async () => {
    await app?.close();
    await tc?.close();
    await hooks.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
    await search.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await search.onApplicationShutdown();
  });

  it('an urgent ticket pages each role through its channels in their formats; a failed webhook and a failed e-mail are retried after the back-off', async () => {
    // Media and a regulator: PR, legal, the duty officer and (by the urgent level) the CS lead are paged.
    const signal = makeSignal({ key: 'cluster:media-storm', riskCues: ['media', 'regulator'], severity: { level: 'urgent', score: 70, factors: [] }, label: '退款被拒，用户称联系 13912345678 要曝光' });
    await tc.produce('signals', [{ key: signal.key, value: JSON.stringify(signal) }]);
    const ticket = await pollUntil('the ticket', async () => (await repo.refresh(), (await repo.listOpen()).find((t) => t.incidentKey === signal.key)), (t) => t !== undefined);
    const id = ticket!.id;
    const stored = () => repo.get(id).then((s) => s!.ticket);

    // First pass: chat bots answered, Slack failed (503) and the mail server said 451.
    const first = await pollUntil('first attempts recorded', stored, (t) => t.notifications.length > 0 && t.notifications.every((n) => n.status !== 'sending' && n.attempts > 0));
    const byChannel = (t: Ticket, alertType: string, channel: string) => t.notifications.find((n) => n.alert.type === alertType && n.channelId === channel)!;
    expect(byChannel(first, 'new_ticket', 'dingtalk-duty')).toMatchObject({ status: 'sent', channelType: 'dingtalk', roles: ['duty_officer'], attempts: 1 });
    expect(byChannel(first, 'new_ticket', 'feishu-pr')).toMatchObject({ status: 'sent', roles: ['pr_spokesperson'] });
    expect(byChannel(first, 'new_ticket', 'wecom-service')).toMatchObject({ status: 'sent', roles: ['cs_lead'] });
    const slack = byChannel(first, 'new_ticket', 'slack-legal');
    expect(slack).toMatchObject({ status: 'pending', attempts: 1, lastCode: 503, lastError: expect.stringMatching(/^HTTP 503/) });
    const email = byChannel(first, 'new_ticket', 'email');
    expect(email).toMatchObject({ status: 'pending', attempts: 1, lastCode: 451, roles: ['pr_spokesperson', 'cs_lead'], recipients: 2 });

    // Nothing is retried before its time; after it, the clock's pass delivers both.
    expect((await app.get(SlaTicker).tick()).notified).toBe(0);
    clock.advance(60 * 60_000);
    await app.get(SlaTicker).tick();
    const after = await pollUntil('retries delivered', stored, (t) => t.notifications.every((n) => n.status === 'sent'));
    expect(byChannel(after, 'new_ticket', 'slack-legal')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(byChannel(after, 'new_ticket', 'email')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(slackCalls).toBeGreaterThanOrEqual(2);

    // Each channel's own format, mentions and signature.
    const [wecom] = received.filter((r) => r.path === '/hook/wecom-service' && r.key.startsWith(`${id}:new_ticket`));
    expect(wecom!.body).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining(id), mentioned_list: ['cs-lead'] } });
    const [ding] = received.filter((r) => r.path === '/dingtalk' && r.key.startsWith(`${id}:new_ticket`));
    expect(ding!.body).toMatchObject({ msgtype: 'text', at: { atMobiles: ['+8600000000000'], isAtAll: false } });
    const ts = ding!.query.get('timestamp')!;
    expect(ding!.query.get('sign')).toBe(createHmac('sha256', DINGTALK_SECRET).update(`${ts}\n${DINGTALK_SECRET}`).digest('base64'));
    expect(ding!.query.get('access_token')).toBe('t0k');
    const [feishu] = received.filter((r) => r.path === '/feishu' && r.key.startsWith(`${id}:new_ticket`));
    expect(feishu!.body).toMatchObject({ msg_type: 'text', content: { text: expect.stringContaining('<at user_id="ou_pr_desk"></at>') } });
    expect(feishu!.body.sign).toBe(createHmac('sha256', `${String(feishu!.body.timestamp)}\n${FEISHU_SECRET}`).update('').digest('base64'));
    const slacks = received.filter((r) => r.path === '/slack' && r.key.startsWith(`${id}:new_ticket`));
    expect(slacks).toHaveLength(2);
    expect(slacks[1]!.body.text).toMatch(/<@U024LEGAL>/);
    // The retry carries the same idempotency key: a receiver can tell it is the same message.
    expect(slacks[0]!.key).toBe(slacks[1]!.key);
    const mail = mails.find((m) => m.raw.includes(id))!;
    expect(mail.to.sort()).toEqual(['cs-lead@example.com', 'pr@example.com']);
    expect(mailText(mail.raw)).toContain(`https://vigil.example.com/#/tickets/${id}`);
    expect(mailText(mail.raw)).toContain('通知 / paging: 公关发言人 / PR spokesperson、客服主管 / Customer-service lead');
    // Personal data in the alert never leaves unmasked.
    for (const body of [...received.map((r) => JSON.stringify(r.body)), ...mails.map((m) => mailText(m.raw))]) expect(body).not.toContain('13912345678');

    // The timeline shows every delivery and the failed attempts with when they will be tried again. The
    // events reach the topic after the ticket is stored (the outbox): on a busy machine that can take a while.
    const trail = await pollUntil('notification events', async () => events.map((e) => TicketEvent.parse(JSON.parse(e.value))).filter((e) => e.ticketId === id), (es) => es.filter((e) => e.type === 'notification_sent').length === after.notifications.length, { timeoutMs: 90_000 });
    const failed = trail.filter((e) => e.type === 'notification_failed');
    expect(failed.map((e) => e.after!.channelId).sort()).toEqual(['email', 'slack-legal']);
    expect(failed.every((e) => typeof e.after!.retryAt === 'string')).toBe(true);
    expect(after.notifications.filter((n) => n.status === 'sent')).toHaveLength(new Set(after.notifications.map((n) => n.id)).size);
  });
});
