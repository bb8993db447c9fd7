import type { CategoryScore } from '@vigil/contracts';
import { allMatches, scriptsOf } from './text';

export interface CategoryDef {
  id: string;
  /** Chinese (simplified) and English keywords; ASCII keywords match on word boundaries. */
  keywords: string[];
}

export const DEFAULT_TAXONOMY: CategoryDef[] = [
  { id: 'product_quality', keywords: ['质量', '做工', '破损', '损坏', '坏了', '坏掉', '变质', '过期', '异味', '发霉', '假货', '劣质', '次品', '瑕疵', '掉色', '起球', '开线', '难吃', '不新鲜', '变味', '口味', '味道', '凉了', '太咸', '分量', '量少', '头发', '虫子', '漏液', '裂了',
    'quality', 'broken', 'defective', 'damaged', 'stale', 'expired', 'cheaply made', 'fell apart', 'flimsy', 'poor quality', 'taste', 'tasteless', 'bland', 'cold food', 'spoiled', 'counterfeit', 'fake', 'stopped working', 'doesn\'t work'] },
  { id: 'logistics', keywords: ['物流', '快递', '配送', '送餐', '送货', '发货', '骑手', '外卖员', '快递员', '送达', '送到', '太慢', '超时', '迟到', '延误', '没送到', '送错', '漏送', '少送', '洒了', '撒了', '丢件', '签收', '包装', '等了',
    'delivery', 'delivered', 'shipping', 'shipped', 'courier', 'package', 'parcel', 'tracking', 'late', 'delayed', 'never arrived', 'lost package', 'driver', 'wrong order', 'missing item'] },
  { id: 'service_attitude', keywords: ['客服', '态度', '服务', '不理', '不回复', '敷衍', '推诿', '踢皮球', '骂人', '凶', '不耐烦', '爱答不理', '商家', '店员', '服务员', '没人管', '没人理',
    'customer service', 'support', 'rude', 'staff', 'attitude', 'agent', 'representative', 'no response', 'ignored', 'unhelpful', 'hung up', 'waiter', 'waitress', 'service'] },
  { id: 'billing_refund', keywords: ['退款', '退钱', '扣费', '扣款', '乱收费', '多收', '收费', '账单', '发票', '赔偿', '退货', '重复扣', '自动续费', '押金', '余额',
    'refund', 'charge', 'charged', 'billing', 'bill', 'invoice', 'fee', 'fees', 'overcharged', 'payment', 'money back', 'double charged', 'subscription', 'chargeback', 'interest'] },
  { id: 'function_bug', keywords: ['闪退', '卡顿', '死机', 'bug', '打不开', '无法使用', '用不了', '黑屏', '白屏', '报错', '崩溃', '加载不出', '更新后', '无响应', '失灵', '连不上', '断网',
    'crash', 'crashes', 'crashed', 'bug', 'bugs', 'glitch', 'error', 'freezes', 'frozen', 'not working', 'won\'t load', 'doesn\'t load', 'update', 'app', 'broken feature', 'lag', 'laggy'] },
  { id: 'security_privacy', keywords: ['泄露', '泄漏', '隐私', '盗刷', '被盗', '盗号', '诈骗', '骚扰电话', '信息安全', '个人信息', '冒用', '账户异常',
    'privacy', 'leak', 'leaked', 'breach', 'hacked', 'stolen', 'fraud', 'identity theft', 'scam', 'phishing', 'unauthorized', 'personal information', 'security'] },
  { id: 'price_promotion', keywords: ['价格', '太贵', '涨价', '降价', '优惠', '优惠券', '满减', '促销', '活动', '红包', '差价', '价保', '套路', '虚假宣传', '性价比',
    'price', 'expensive', 'overpriced', 'discount', 'coupon', 'promo', 'promotion', 'deal', 'price match', 'misleading ad', 'advertising', 'false advertising'] },
  { id: 'account_login', keywords: ['登录', '登陆', '账号', '帐号', '密码', '验证码', '注册', '注销', '封号', '冻结', '解绑', '实名',
    'login', 'log in', 'sign in', 'account', 'password', 'verification code', 'locked out', 'suspended', 'banned', 'two-factor', '2fa', 'username'] },
];

/**
 * Each category's keywords as two alternations: ASCII ones (word-bounded, case-insensitive)
 * and the rest (Chinese). A text without a Latin letter skips the first and a text without
 * a non-ASCII character the second: half the regex work on a typical post, same matches.
 */
interface Compiled { id: string; ascii?: RegExp; other?: RegExp }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isAscii = (k: string) => /^[\x20-\x7e]+$/.test(k);

export function compileTaxonomy(defs: readonly CategoryDef[]): Compiled[] {
  return defs.filter((d) => d.keywords.length > 0).map((d) => {
    const ascii = d.keywords.filter(isAscii).map((k) => `\\b${escape(k)}\\b`);
    const other = d.keywords.filter((k) => !isAscii(k)).map(escape);
    return {
      id: d.id,
      ...(ascii.length ? { ascii: new RegExp(ascii.join('|'), 'gi') } : {}),
      ...(other.length ? { other: new RegExp(other.join('|'), 'gi') } : {}),
    };
  });
}

/** Multi-label: each category scored by its distinct keyword hits; `other` only for negative posts nothing else explains. */
export function detectCategories(text: string, compiled: readonly Compiled[], negative: boolean): CategoryScore[] {
  const out: CategoryScore[] = [];
  const { latin, nonAscii } = scriptsOf(text);
  for (const c of compiled) {
    const hits = new Set<string>();
    if (latin && c.ascii) for (const m of allMatches(c.ascii, text)) hits.add(m[0].toLowerCase());
    if (nonAscii && c.other) for (const m of allMatches(c.other, text)) hits.add(m[0].toLowerCase());
    if (hits.size > 0) out.push({ id: c.id, confidence: Math.round((1 - Math.exp(-0.7 * hits.size)) * 1000) / 1000 });
  }
  out.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
  if (out.length === 0 && negative) out.push({ id: 'other', confidence: 0.3 });
  return out;
}
