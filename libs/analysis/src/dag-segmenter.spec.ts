import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { describe, expect, it } from 'vitest';
import { DagSegmenter } from './dag-segmenter';

// @node-rs/jieba is the reference: the JS segmenter must cut exactly as `cut(text, false)`.
const native = Jieba.withDict(dict);
const js = DagSegmenter.fromDictionary(dict);

const SENTENCES = [
  '这家外卖送得太慢了，等了两个小时，饭菜都凉了，客服态度也很差，你们还能再慢一点吗？我要投诉到12315！',
  '订单号：2024051812345678，联系电话138****1234，退款58元。',
  '我们小区好多人都被盗刷了，银行卡信息泄露，打客服电话没人接，找你们经理也不管，准备找记者曝光。',
  '不是不好，就是太贵了。但是客服态度很好！',
  '这个app在华为Mate 60上总是crash，support team never replies，太差了，refund please',
  '学c++好难，AT&T的客服，用C# 写，xc#，我去4s店，ab4s店',
  'iPhone15坏了，v3.2.1版本闪退，50%的人都遇到了，a-b_c.d',
  '第一行\r\n第二行\n\n第三行\t结束\u3000全角空格',
  '😀😡👍🏻好评！！！差评？？？',
  '𠀀𠀁好𪚥',
  '㐀䶿鿖鿿豈﫿',
  'ＡＢＣ全角字母１２３',
  '好好好好好好好好好好好好',
  '啊啊啊啊啊啊啊啊，饿死了',
  '南京市长江大桥',
  '',
  ' ',
  'a',
];

describe('DagSegmenter', () => {
  it.each(SENTENCES)('cuts %j as jieba does', (text) => {
    expect(js.cut(text)).toEqual(native.cut(text, false));
  });

  it('cuts a long run of text in one block, reusing its buffers, as jieba does', () => {
    const long = SENTENCES.slice(0, 4).join('').repeat(40);
    expect(long.length).toBeGreaterThan(256);
    expect(js.cut(long)).toEqual(native.cut(long, false));
  });

  it('takes user words that outweigh the dictionary, in a copy that leaves the original alone', () => {
    const terms = '鲜达外卖 100000 nz\n阳光花园 100000 nz\nMate60 100000 nz\n';
    const mine = js.clone();
    mine.load(terms);
    const ref = Jieba.withDict(dict);
    ref.loadDict(Buffer.from(terms));
    for (const text of ['鲜达外卖送得慢，阳光花园的业主都在投诉', '华为Mate60坏了']) {
      expect(mine.cut(text)).toEqual(ref.cut(text, false));
    }
    expect(mine.cut('鲜达外卖')).toEqual(['鲜达外卖']);
    expect(js.cut('鲜达外卖')).toEqual(native.cut('鲜达外卖', false));
    expect(js.cut('鲜达外卖')).not.toEqual(['鲜达外卖']);
  });

  it('re-weights a word it already has, as jieba does', () => {
    const mine = js.clone();
    mine.load('长江大桥 1\n市长 100000\n');
    const ref = Jieba.withDict(dict);
    ref.loadDict(Buffer.from('长江大桥 1\n市长 100000\n'));
    expect(mine.cut('南京市长江大桥')).toEqual(ref.cut('南京市长江大桥', false));
    expect(mine.cut('南京市长江大桥')).not.toEqual(js.cut('南京市长江大桥'));
  });

  it('names the line of a dictionary with a bad frequency', () => {
    expect(() => js.clone().load('好词 10\n坏词 lots\n')).toThrow(/line 2 \("坏词 lots"\).*whole number/);
  });
});
