import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { ManualClock } from '@vigil/common';
import type { Signal, TicketAction } from '@vigil/contracts';
import { ResponderModule } from '../../apps/responder/src/responder.module';
import { loadResponderConfig } from '../../apps/responder/src/responder.config';

export const DEFAULT_PLAN = path.resolve(__dirname, '../../libs/plan/default-plan.yaml');

/** The default plan with its webhooks pointed at a local test server. */
export function writeTestPlan(hookBase: string, edit: (text: string) => string = (t) => t): string {
  const text = fs
    .readFileSync(DEFAULT_PLAN, 'utf8')
    .replace('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=REPLACE_ME', `${hookBase}/hook/wecom?key=secret`)
    .replace('https://mail-gateway.example.com/send', `${hookBase}/hook/mail`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-plan-')), 'plan.yaml');
  fs.writeFileSync(file, edit(text));
  return file;
}

export async function startResponder(env: NodeJS.ProcessEnv, clock: ManualClock): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(ResponderModule.forRoot(loadResponderConfig(env), { clock }), { logger: false });
  await app.init();
  return app;
}

let n = 0;
export function makeSignal(over: Partial<Signal> = {}): Signal {
  n += 1;
  return {
    id: `sig-${n}`,
    kind: 'cluster_new',
    key: 'cluster:abc',
    clusterId: 'abc',
    at: '2026-03-02T01:00:00.000Z',
    label: '退款迟迟不到账',
    severity: { level: 'important', score: 55, factors: [] },
    metrics: { size: 12, distinctAuthors: 9, velocityPerHour: 4, reach: 3000 },
    riskCues: [],
    categories: ['refund'],
    channels: ['weibo'],
    places: [],
    products: [],
    sampleMentionIds: [`m-${n}`],
    ...over,
  };
}

export function makeAction<T extends TicketAction['type']>(
  ticketId: string,
  type: T,
  extra: Omit<Extract<TicketAction, { type: T }>, 'type' | 'ticketId' | 'actor' | 'requestId' | 'at'> | Record<string, never> = {},
  requestId = `req-${++n}`,
): Extract<TicketAction, { type: T }> {
  return { type, ticketId, actor: 'alice', requestId, at: '2026-03-02T01:00:00.000Z', ...extra } as Extract<TicketAction, { type: T }>;
}
