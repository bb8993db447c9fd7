import { describe, expect, it } from 'vitest';
import { CITIES, EN_CITIES } from './places';
import { countryOf, provinceOf, rollUpPlaces } from './place-regions';

describe('place regions', () => {
  it('knows the province of every city and the country of every English city the gazetteer finds', () => {
    expect(CITIES.filter((c) => !provinceOf(c))).toEqual([]);
    expect(EN_CITIES.filter((c) => !countryOf(c))).toEqual([]);
  });

  it('rolls Chinese places up to provinces and English ones to countries, largest first; districts stay out', () => {
    const r = rollUpPlaces([
      { name: '深圳', count: 5 },
      { name: '广州', count: 2 },
      { name: '广东', count: 1 },
      { name: '上海', count: 7 },
      { name: '南山区', count: 9 },
      { name: 'Seattle', count: 3 },
      { name: 'Austin', count: 1 },
      { name: 'Dallas', count: 1 },
      { name: 'London', count: 4 },
    ]);
    expect(r.zh).toEqual([
      { name: '广东', count: 8, parts: [{ name: '深圳', count: 5 }, { name: '广州', count: 2 }, { name: '广东', count: 1 }] },
      { name: '上海', count: 7, parts: [{ name: '上海', count: 7 }] },
    ]);
    expect(r.en).toEqual([
      { name: 'United States', count: 5, parts: [{ name: 'Washington', count: 3 }, { name: 'Texas', count: 2 }] },
      { name: 'United Kingdom', count: 4, parts: [{ name: 'England', count: 4 }] },
    ]);
  });
});
