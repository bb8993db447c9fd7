import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWatchesFile, parseWatchesFile } from './watches-file';
import { buildWatchRuntime } from './watch-runtime';

describe('watch files', () => {
  it('reads the demo watches, and one watch alone', () => {
    const demo = loadWatchesFile(path.resolve(__dirname, '../../../../demo/watches.yaml'));
    expect(demo.map((w) => [w.id, w.competitor])).toEqual([['freshdash', false], ['quickgrab', true]]);
    expect(parseWatchesFile('id: one\nname: One\nbrands: [{ name: FreshDash }]\n', 'one.yaml').map((w) => w.id)).toEqual(['one']);
    expect(parseWatchesFile('{"watches": [{"id": "j", "name": "J", "rules": ["a b"]}]}', 'w.json')[0]!.rules).toEqual(['a b']);
  });

  it('names the line, the field and the character of a bad rule, and refuses an unknown preset or a duplicate id', () => {
    const text = 'watches:\n  - id: a\n    name: A\n    rules:\n      - 退款\n      - (退款 OR 没到账\n  - id: a\n    name: B\n    taxonomy: { preset: shipping }\n';
    let message = '';
    try {
      parseWatchesFile(text, 'w.yaml');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/w\.yaml:6:\d+ watches\.0\.rules\.1: the \( opened here is never closed \(at character 1\)/);
    expect(message).toMatch(/w\.yaml:7:\d+ watches\.1\.id: duplicate watch id "a"/);
    expect(message).toMatch(/watches\.1\.taxonomy\.preset: no preset "shipping"/);
  });

  it('builds a runtime whose taxonomy follows the matched watches', () => {
    const watches = parseWatchesFile(
      'watches:\n  - id: air\n    name: Air\n    brands: [{ name: SkyWays }]\n    taxonomy: { preset: airline }\n  - id: food\n    name: Food\n    brands: [{ name: FreshDash }]\n',
      'w.yaml',
    );
    const rt = buildWatchRuntime(watches, { products: [] }, 'r1');
    const analyse = (text: string) => {
      const ids: string[] = [];
      const r = rt.analyzer.analyze({ text }, { taxonomyFor: (view) => rt.taxonomyFor(rt.matcher!.match({ ...view, sourceId: 's' }).map((m) => (ids.push(m.id), m))) });
      return { watches: ids, categories: r.analysis.categories.map((c) => c.id) };
    };
    expect(analyse('SkyWays cancelled my flight and lost my luggage, awful')).toEqual({ watches: ['air'], categories: expect.arrayContaining(['flight_cancellation', 'baggage']) });
    expect(analyse('FreshDash courier lost my package, awful')).toEqual({ watches: ['food'], categories: ['logistics'] });
    expect(analyse('SkyWays and FreshDash both lost my luggage and my package').categories).toEqual(expect.arrayContaining(['baggage', 'logistics']));
  });

  it('uses the categories edited in a watch: a new category works from its keywords or its examples alone', () => {
    const watches = parseWatchesFile(
      [
        'watches:',
        '  - id: home',
        '    name: Home',
        '    brands: [{ name: 安居物业 }]',
        '    taxonomy:',
        '      preset: default',
        '      categories:',
        '        - { id: noise, name: { zh: 噪音, en: Noise }, keywords: [噪音, 吵], examples: [] }',
        '        - id: smell',
        '          name: { zh: 异味, en: Smell }',
        '          keywords: []',
        '          examples: [楼道里垃圾发臭好几天了, 电梯里一股臭味没人管]',
        '',
      ].join('\n'),
      'w.yaml',
    );
    const rt = buildWatchRuntime(watches, { products: [] }, 'r2');
    const categories = (text: string) =>
      rt.analyzer.analyze({ text }, { taxonomyFor: (view) => rt.taxonomyFor(rt.matcher!.match({ ...view, sourceId: 's' })) }).analysis.categories.map((c) => c.id);
    expect(categories('安居物业楼上装修太吵，投诉了也没用')).toEqual(['noise']);
    expect(categories('安居物业的楼道又发臭了，太差')).toEqual(['smell']);
    // Edited categories replace the preset's: a delivery complaint about this watch is 'other' now.
    expect(categories('安居物业的快递太慢了，差评')).toEqual(['other']);
  });
});
