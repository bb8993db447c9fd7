import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { ManualClock } from '@vigil/common';
import type { Signal, TicketAction } from '@vigil/contracts';
import { ResponderModule } from '../../apps/responder/src/responder.module';
import { loadResponderConfig } from '../../apps/responder/src/responder.config';
import { actionFactory, signalFactory } from '../support/signal-factory';

export const DEFAULT_PLAN = path.resolve(__dirname, '../../libs/plan/default-plan.yaml');

/** The default plan with its webhooks pointed at a local test server. */
export function writeTestPlan(hookBase: string, edit: (text: string) => string = (t) => t): string {
  const text = fs
    .readFileSync(DEFAULT_PLAN, 'utf8')
    .replace('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=REPLACE_ME_SERVICE', `${hookBase}/hook/wecom-service?key=secret`)
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
/** A signal big enough to open a ticket under the default plan (important), with a fresh id each call. */
export function makeSignal(over: Partial<Signal> = {}): Signal {
  n += 1;
  return signalFactory({ id: `sig-${n}`, severity: { level: 'important', score: 55, factors: [] }, metrics: { size: 12, distinctAuthors: 9, velocityPerHour: 4, reach: 3000 }, sampleMentionIds: [`m-${n}`], ...over });
}

export function makeAction<T extends TicketAction['type']>(ticketId: string, type: T, extra: Parameters<typeof actionFactory<T>>[2] = {}, requestId = `req-${++n}`): Extract<TicketAction, { type: T }> {
  return actionFactory(ticketId, type, extra, { requestId });
}
