import { describe, expect, it } from 'vitest';
import { createSegmenter } from './segmenter';

describe('segmenter', () => {
  it('cuts complaint words jieba lacks as one word (闪退, 到账, 空间不足), and leaves dictionary words alone', () => {
    const seg = createSegmenter();
    expect(seg.cutZh('更新之后老是闪退')).toContain('闪退');
    expect(seg.cutZh('退款一直没到账')).toContain('到账');
    expect(seg.cutZh('提示空间不足')).toContain('空间不足');
    expect(seg.cutZh('南京市长江大桥')).toEqual(['南京市', '长江大桥']);
  });
});
