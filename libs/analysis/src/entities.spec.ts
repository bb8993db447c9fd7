import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer';

const analyzer = createAnalyzer({ products: [{ name: 'Vigil Pro', aliases: ['维吉尔Pro'] }] });
const ent = (text: string) => analyzer.analyze({ text }).analysis.entities;

describe('entities', () => {
  it.each([
    ['订单号：2024051812345678，还没到', ['2024051812345678']],
    ['订单编号 A1B2C3D4E5F6', ['A1B2C3D4E5F6']],
    ['order #AB12345678 is missing', ['AB12345678']],
    ['Order number: 112-3456789-1234567 never arrived', ['112-3456789-1234567']],
    ['please check my order status', []],
    ['订单 太慢了', []],
  ])('order id in %s', (text, ids) => {
    expect(ent(text).orderIds).toEqual(ids);
  });

  it('uses configured order patterns instead of the defaults', () => {
    const a = createAnalyzer({ orderPatterns: ['工单\\s*(WO\\d{6})'] });
    expect(a.analyze({ text: '工单 WO123456 订单号 2024051812345678' }).analysis.entities.orderIds).toEqual(['WO123456']);
  });

  it.each([
    ['赔我2万元', { amount: 20000, currency: 'CNY' }],
    ['才500块', { amount: 500, currency: 'CNY' }],
    ['花了¥1,299.50', { amount: 1299.5, currency: 'CNY' }],
    ['退我 RMB 300', { amount: 300, currency: 'CNY' }],
    ['charged me $59.99 twice', { amount: 59.99, currency: 'USD' }],
    ['a refund of 120 USD', { amount: 120, currency: 'USD' }],
    ['it cost 3k dollars', { amount: 3000, currency: 'USD' }],
    ['€45 for nothing', { amount: 45, currency: 'EUR' }],
  ])('money in %s', (text, expected) => {
    expect(ent(text).money[0]).toMatchObject(expected);
  });

  it('finds no money in plain numbers', () => {
    expect(ent('等了2个小时，第3次了').money).toEqual([]);
  });

  it.each([
    ['住在北京市朝阳区阳光花园', [{ name: '北京', kind: 'province' }, { name: '朝阳区', kind: 'district' }, { name: '阳光花园', kind: 'compound' }]],
    ['广东深圳南山区的店', [{ name: '广东', kind: 'province' }, { name: '深圳', kind: 'city' }, { name: '南山区', kind: 'district' }]],
    ['我家在翠湖小区', [{ name: '翠湖小区', kind: 'compound' }]],
    ['我们小区停电了，社区不管', []],
    ['鲜达外卖在阳光花园的配送全军覆没', [{ name: '阳光花园', kind: 'compound' }]],
    ['我们阳光花园小区好多户都遇到了', [{ name: '阳光花园', kind: 'compound' }]],
    ['和平花园停水了', [{ name: '和平花园', kind: 'compound' }]],
    ['读者反映阳光花园的外卖都没送到', [{ name: '阳光花园', kind: 'compound' }]],
    ['翠湖天地花园业主', [{ name: '翠湖天地花园', kind: 'compound' }]],
    ['The store in San Francisco and the one in London', [{ name: 'San Francisco', kind: 'city' }, { name: 'London', kind: 'city' }]],
  ])('places in %s', (text, places) => {
    expect(ent(text).places).toEqual(places);
  });

  it.each([
    ['维吉尔Pro用了两天就坏了', ['Vigil Pro']],
    ['my vigil pro broke', ['Vigil Pro']],
    ['vigil project is fine', []],
  ])('products in %s', (text, products) => {
    expect(ent(text).products).toEqual(products);
  });

  it.each([
    ['更新到v3.2.1以后就闪退', '3.2.1', undefined],
    ['版本 3.2 太卡', '3.2', undefined],
    ['Since version 10.4.2 on my iPhone 15 Pro it crashes', '10.4.2', 'iPhone 15 Pro'],
    ['华为 Mate 60 上打不开', undefined, '华为 Mate 60'],
    ['Crashes on Android 14 every time', undefined, 'Android 14'],
    ['the app is fine', undefined, undefined],
  ])('version and device in %s', (text, version, device) => {
    const e = ent(text);
    expect(e.appVersion).toBe(version);
    expect(e.device).toBe(device);
  });
});
