import { Analysis } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer';
import { MAX_ANALYSED_CHARS } from './text';
import { SentimentModelHolder } from './models';

const analyzer = createAnalyzer({ products: [{ name: '小米手环', aliases: ['Mi Band'] }] });
const run = (text: string, extra: { title?: string; rating?: number } = {}) => analyzer.analyze({ text, ...extra });

describe('analyzer output', () => {
  it('always satisfies the contract schema', () => {
    for (const t of ['', '😡😡😡', '太慢了!!!', 'Great service', '這家店很好', 'Bonjour tout le monde, très bien']) {
      expect(() => Analysis.parse(run(t).analysis)).not.toThrow();
    }
  });

  it('handles empty text as neutral with nothing found', () => {
    const a = run('').analysis;
    expect(a.sentiment.label).toBe('neutral');
    expect(a.tokens).toEqual([]);
    expect(a.riskCues).toEqual([]);
    expect(a.riskScore).toBe(0);
  });

  it('reads emoji-only posts through their emoji', () => {
    const a = run('😡😡😡').analysis;
    expect(a.emojis).toEqual(['😡', '😡', '😡']);
    expect(a.sentiment.label).toBe('negative');
    expect(run('👍👍').analysis.sentiment.label).toBe('positive');
  });

  it('reads a long post whole: a threat at the end of 100 KB counts', () => {
    const filler = '今天收到了包裹，包装完好，物流还算快，客服回复也及时，东西和描述的一样。'.repeat(1400);
    expect(Buffer.byteLength(filler)).toBeGreaterThan(100_000);
    const r = run(filler + '可是用了三天就坏了，客服一直推脱，再不处理我就打12315投诉，找媒体曝光！');
    expect(r.analysis.truncated).toBe(false);
    expect(r.analysis.riskCues.map((c) => c.kind)).toEqual(expect.arrayContaining(['regulator', 'media']));
    const media = r.analysis.riskCues.find((c) => c.kind === 'media')!;
    expect(r.maskedText.slice(media.start, media.end)).toBe(media.evidence);
    expect(r.analysis.riskScore).toBeGreaterThanOrEqual(40);
  });

  it('cuts a post beyond the hard cap and says so', () => {
    const r = run('送餐太慢了，我要找你们经理。' + '啊'.repeat(1024 * 1024));
    expect(r.analysis.truncated).toBe(true);
    expect(r.maskedText.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(r.analysis.riskCues.map((c) => c.kind)).toContain('manager_request');
    expect(run('short').analysis.truncated).toBe(false);
  });

  it('gives a long post the tone of its angriest part, not a count over its length', () => {
    const calm = 'The package arrived on Tuesday and the box was fine. '.repeat(400);
    expect(run(calm).analysis.emotion.level).toBe('calm');
    expect(run(calm + 'This is RIDICULOUS, I am furious, worst company ever!!!').analysis.emotion.level).not.toBe('calm');
  });

  it('does not split a surrogate pair when truncating', () => {
    const r = createAnalyzer({ maxChars: 5 }).analyze({ text: 'abcd😡😡' });
    expect(r.maskedText).toBe('abcd');
  });

  it('masks PII in text and title and reports only kinds', () => {
    const r = run('电话13812341234', { title: '邮箱 alice@example.com' });
    expect(r.maskedText).toBe('电话138****1234');
    expect(r.maskedTitle).toBe('邮箱 a****@example.com');
    expect(r.analysis.entities.piiKinds).toEqual(['phone', 'email']);
    expect(JSON.stringify(r.analysis)).not.toContain('13812341234');
  });

  it('respects PII kinds switched off', () => {
    const r = createAnalyzer({ pii: { phone: false } }).analyze({ text: '电话13812341234' });
    expect(r.maskedText).toBe('电话13812341234');
    expect(r.analysis.entities.piiKinds).toEqual([]);
  });

  it('normalises traditional Chinese and reports the script', () => {
    const a = run('這家店的服務態度非常差，我要找你們經理！').analysis;
    expect(a.language).toBe('zh');
    expect(a.script).toBe('traditional');
    expect(a.tokens).toContain('服务态度');
    expect(a.sentiment.label).toBe('negative');
    expect(a.riskCues.map((c) => c.kind)).toContain('manager_request');
    expect(run('这家店的服务态度非常差').analysis.script).toBe('simplified');
  });

  it('cue offsets point into the masked text, also for traditional text', () => {
    const r = run('我的電話13812341234，我要去法院起訴你們');
    const cue = r.analysis.riskCues.find((c) => c.kind === 'legal')!;
    expect(r.maskedText.slice(cue.start, cue.end)).toBe(cue.evidence);
    expect(cue.evidence).toBe('法院');
  });

  it('reports title cues with field title', () => {
    const r = run('外卖送错了', { title: '我要曝光你们' });
    const media = r.analysis.riskCues.find((c) => c.kind === 'media')!;
    expect(media.field).toBe('title');
    expect(r.maskedTitle!.slice(media.start, media.end)).toBe('曝光');
  });

  it('builds content tokens without stop words and with user terms kept whole', () => {
    const a = run('我的小米手环坏了，真的很失望').analysis;
    expect(a.tokens).toContain('小米手环');
    expect(a.tokens).not.toContain('的');
    expect(a.entities.products).toEqual(['小米手环']);
    const en = run('The Mi Band is NOT working and the app keeps crashing').analysis;
    expect(en.tokens).toEqual(expect.arrayContaining(['mi', 'band', 'working', 'app', 'crashing']));
    expect(en.tokens).not.toContain('the');
    expect(en.entities.products).toEqual(['小米手环']);
    expect(createAnalyzer({ tokenCap: 3 }).analyze({ text: '送餐 太慢 饭菜 凉了 客服 态度 差' }).analysis.tokens).toHaveLength(3);
  });

  it('detects language: zh, en, mixed, other', () => {
    expect(run('这个手机很好用').analysis.language).toBe('zh');
    expect(run('华为Mate 60很好用').analysis.language).toBe('zh');
    expect(run('This phone works well').analysis.language).toBe('en');
    expect(run('这个app总是crash，support team never replies，太差了').analysis.language).toBe('mixed');
    expect(run('Le service est très lent et je ne suis pas content').analysis.language).toBe('other');
    expect(run('このアプリはとても遅いです').analysis.language).toBe('other');
  });

  it('scores risk with reasons, higher for more severe posts', () => {
    const calm = run('东西不错，物流很快').analysis;
    const hot = run('我们小区好多人都被盗刷了，信息泄露，找记者曝光，还要起诉你们！！！').analysis;
    expect(calm.riskScore).toBeLessThan(10);
    expect(hot.riskScore).toBeGreaterThanOrEqual(80);
    expect(hot.riskReasons.join(' ')).toMatch(/legal threat/);
    expect(hot.riskReasons.join(' ')).toMatch(/media exposure/);
  });

  it('is deterministic', () => {
    const t = '外卖太慢了，又送错了，退款50元！';
    expect(run(t)).toEqual(run(t));
  });
});

describe('a model source', () => {
  it('is followed between posts: a new version applies to the next post, undefined goes back to the shipped models', () => {
    const holder = new SentimentModelHolder();
    const a = createAnalyzer({ modelSource: holder });
    const text = '太难吃了，再也不点了';
    const shipped = a.sentimentParts({ text }).modelProb!;
    expect(shipped).toBeLessThan(0.5);
    holder.set({ zh: { bias: 5, weights: new Float32Array(1 << 18), version: 2 } });
    expect(a.sentimentParts({ text }).modelProb).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
    holder.set(undefined);
    expect(a.sentimentParts({ text }).modelProb).toBe(shipped);
  });
});
