import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mentionId, type RawMention } from '@vigil/contracts';
import { mulberry32 } from '../test/support/prng';

interface ServicesScript {
  ensureServices(): Promise<{ kafkaBrokers: string; elasticsearchUrl: string; started: string[] }>;
  stopServices(names?: string[]): Promise<void>;
}

/** The project's own services script (ESM), loaded from compiled CommonJS. */
export async function services(root: string): Promise<ServicesScript> {
  const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;
  return (await importEsm(pathToFileURL(path.join(root, 'scripts', 'services.mjs')).href)) as ServicesScript;
}

/** Deterministic pseudo-random numbers, so every run replays the same posts. */
export { mulberry32 as prng } from '../test/support/prng';

const ZH = ['鲜达外卖又送晚了一个多小时，饭菜全凉了', '申请退款也不给退，客服电话一直打不通', '今天的午饭送得挺快，味道也不错', '我们小区好几户都遇到了同样的问题', '骑手态度很差，还把汤洒了', '新品奶茶一般般，没有宣传的那么好喝', '订单显示已送达但是根本没收到'];
const EN = ['FreshDash delivered my dinner cold again', 'the refund was rejected for the second time', 'great service and the rider was friendly', 'the app crashed when I tried to pay', 'everyone in my building had late orders', 'I will report this to the BBB if nothing happens'];

/** A post of about 100 characters in Chinese, English or both. */
export function samplePost(rand: () => number, i: number): { text: string; lang: 'zh' | 'en' | 'mixed' } {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const kind = i % 3;
  if (kind === 0) return { text: `${pick(ZH)}，${pick(ZH)}，${pick(ZH)}。订单${100000 + i}`, lang: 'zh' };
  if (kind === 1) return { text: `${pick(EN)}, ${pick(EN)}. Order ${100000 + i}`, lang: 'en' };
  return { text: `${pick(ZH)}，${pick(EN)}！${pick(ZH)}`, lang: 'mixed' };
}

export const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);


/**
 * The bench:pipeline posts (seed 42, one a second from 2026-11-01). `fetchedAt` is the time of
 * the call unless given: the processor's batch bench fixes it so two builds' outputs compare.
 */
export function benchRaws(n: number, fetchedAt?: Date): RawMention[] {
  const rand = mulberry32(42);
  return Array.from({ length: n }, (_, i) => {
    const externalId = `b-${i}`;
    return {
      id: mentionId('bench', externalId), sourceId: 'bench', sourceType: 'replay', channel: 'social', externalId,
      text: samplePost(rand, i).text, truncated: false,
      publishedAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), fetchedAt: (fetchedAt ?? new Date()).toISOString(),
    };
  });
}
