import { describe, expect, it } from 'vitest';
import { IntakeMessage, RawMention } from '@vigil/contracts';
import { createAnalyzer } from '@vigil/analysis';
import { intakeToRawMention } from '../intake/accept-intake.usecase';
import { maskRawMention } from './mask-raw-mention';

const raw = (text: string, title?: string): RawMention => ({
  id: 'a'.repeat(32), sourceId: 's', sourceType: 'rss', channel: 'social', externalId: 'e', text, title, truncated: false,
  publishedAt: '2026-12-01T00:00:00.000Z', fetchedAt: '2026-12-01T00:00:00.000Z',
});

describe('personal data is masked before mentions.raw (issue 20, item 11)', () => {
  it('masks phones, e-mails and ID numbers in text and title, and says which kinds it found', () => {
    const m = maskRawMention(raw('退款失败，电话13812345678，邮箱zhang.san@example.com，身份证11010519491231002X', '13900001111 求助'));
    expect(m.text).not.toMatch(/13812345678|zhang\.san|11010519491231002X/);
    expect(m.text).toContain('138****5678');
    expect(m.title).toBe('139****1111 求助');
    expect([...m.piiKinds!].sort()).toEqual(['email', 'id_card', 'phone']);
    expect(RawMention.safeParse(m).success).toBe(true);
  });

  it('leaves a post without personal data as it was, and order numbers alone', () => {
    const m = maskRawMention(raw('订单号 DD20261201123456 退款失败'));
    expect(m).toEqual(raw('订单号 DD20261201123456 退款失败'));
  });

  it('masks a contact typed into an intake message (the contact field itself is sealed, see intake.spec)', () => {
    const msg = IntakeMessage.parse({ id: 'F-1', text: '老人等了两个小时，回电 13800138000 或 li@example.cn', time: '2026-11-23T08:00:00+08:00' });
    const m = intakeToRawMention('hotline', msg, 'desk', '2026-11-23T00:01:00.000Z');
    expect(m.text).not.toMatch(/13800138000|li@example/);
    expect(m.piiKinds).toEqual(expect.arrayContaining(['phone', 'email']));
  });

  it('gives the processor the same analysis as the unmasked text would (the mask is its own)', () => {
    const analyzer = createAnalyzer();
    const text = '鲜达外卖退款失败，客服不理人，我的电话13812345678，要投诉到12315';
    const direct = analyzer.analyze({ text });
    const masked = analyzer.analyze({ text: maskRawMention(raw(text)).text });
    expect(masked.maskedText).toBe(direct.maskedText);
    expect({ ...masked.analysis, entities: { ...masked.analysis.entities, piiKinds: [] } }).toEqual({ ...direct.analysis, entities: { ...direct.analysis.entities, piiKinds: [] } });
  });
});
