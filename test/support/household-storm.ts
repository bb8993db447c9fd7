import { createAnalyzer } from '@vigil/analysis';
import { mentionId, type EnrichedMention } from '@vigil/contracts';

const analyzer = createAnalyzer();
const ISSUES = ['配送超时一个多小时，退款申请被拒绝', '外卖超时两小时没送到，退款一直失败', '订单超时不送，申请退款被驳回', '超时送达饭菜全凉，退款失败客服不理'];
export const HOUSEHOLD_PLACES = ['阳光花园', '翠湖苑', '金桂园', '滨江一号', '星河湾', '碧水庄园'];

/**
 * Post `i` of a compound's households complaining about one watch's late deliveries and refused
 * refunds (real analysis of the text), `spacingMs` after the previous one: a cluster that grows.
 */
export function householdPost(watch: string, place: string, i: number, opts: { t0: number; spacingMs: number; tag: string }): EnrichedMention {
  const externalId = `${opts.tag}-${watch}-${i}`;
  const text = `鲜达外卖在${place}小区${ISSUES[i % ISSUES.length]}，我们小区好几户都这样`;
  const a = analyzer.analyze({ text });
  const at = new Date(opts.t0 + i * opts.spacingMs).toISOString();
  return {
    id: mentionId('weibo', externalId), sourceId: 'weibo', sourceType: 'rss', channel: 'social', externalId,
    author: { id: `${place}业主${i}`, name: `${place}业主${i}`, followers: 200 + i * 37 }, text: a.maskedText, truncated: false,
    publishedAt: at, fetchedAt: at, processedAt: at, analysis: a.analysis, watches: [{ id: watch, rule: watch, competitor: false }],
  };
}
