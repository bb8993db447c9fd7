import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer';
import { createTextViewer } from './text-view';

describe('text view', () => {
  const terms = ['鲜达外卖'];
  const analyzer = createAnalyzer({ userDictionary: terms });
  const viewer = createTextViewer(terms);

  it.each([
    { text: '鲜达外卖的退款三天了还没到账，电话 13812345678', title: '投诉' },
    { text: '鍋貼很好吃，但是外送太慢了' },
    { text: 'The courier was late again, email me at a@b.com', title: 'FreshDash' },
    { text: 'FreshDash 的 app 又闪退了！！', title: '' },
    { text: 'Ｈｅｌｌｏ　ｗｏｒｌｄ，全角文字' },
    { text: 'Très bien, merci' },
  ])('rebuilt from the stored (masked) post, it equals what the analyzer saw: %j', (post) => {
    const r = analyzer.analyze(post);
    // What the indexer stores: the masked text and title.
    const again = viewer({ text: r.maskedText, title: post.title === undefined ? undefined : r.maskedTitle });
    expect(again).toEqual(r.view);
    expect(r.view.words ? r.view.words.join('') : r.view.text).toBe(r.view.text);
  });

  it('gives words only for Chinese and mixed posts', () => {
    expect(viewer({ text: '送餐太慢' }).words).toBeDefined();
    expect(viewer({ text: 'slow delivery' }).words).toBeUndefined();
  });
});
