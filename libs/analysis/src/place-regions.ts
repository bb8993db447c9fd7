import { PROVINCES } from './places';

/**
 * Where the places the analyzer finds (places.ts) lie, for the complaint map: a Chinese city to
 * its province, an English city to its country and state. Only the gazetteer's own names are
 * listed; districts and compounds have no parent in the text, so they stay out of the roll-up.
 */

const ZH_CITY_PROVINCE: Record<string, string> = Object.fromEntries(
  `广州 广东 深圳 广东 东莞 广东 佛山 广东 珠海 广东 惠州 广东 中山 广东 湛江 广东 汕头 广东
   杭州 浙江 宁波 浙江 温州 浙江 绍兴 浙江 嘉兴 浙江 金华 浙江 台州 浙江
   南京 江苏 苏州 江苏 无锡 江苏 常州 江苏 南通 江苏 徐州 江苏 扬州 江苏
   成都 四川 绵阳 四川 武汉 湖北 宜昌 湖北 襄阳 湖北 长沙 湖南 株洲 湖南 西安 陕西 郑州 河南 洛阳 河南
   青岛 山东 济南 山东 烟台 山东 潍坊 山东 沈阳 辽宁 大连 辽宁 厦门 福建 福州 福建 泉州 福建
   合肥 安徽 芜湖 安徽 昆明 云南 哈尔滨 黑龙江 长春 吉林 石家庄 河北 保定 河北 唐山 河北 邯郸 河北
   太原 山西 南昌 江西 赣州 江西 南宁 广西 桂林 广西 柳州 广西 贵阳 贵州 兰州 甘肃 海口 海南 三亚 海南
   乌鲁木齐 新疆 呼和浩特 内蒙古 银川 宁夏 西宁 青海 拉萨 西藏 台北 台湾 高雄 台湾`
    .trim()
    .split(/\s+/)
    .reduce<[string, string][]>((pairs, word, i, all) => (i % 2 === 0 ? [...pairs, [word, all[i + 1]!]] : pairs), []),
);

/** [country, state or region] of the English cities the analyzer knows. */
const EN_CITY_REGION: Record<string, [string, string]> = {
  'New York': ['United States', 'New York'],
  'Los Angeles': ['United States', 'California'],
  'San Francisco': ['United States', 'California'],
  'San Diego': ['United States', 'California'],
  Chicago: ['United States', 'Illinois'],
  Houston: ['United States', 'Texas'],
  Dallas: ['United States', 'Texas'],
  Austin: ['United States', 'Texas'],
  Seattle: ['United States', 'Washington'],
  Boston: ['United States', 'Massachusetts'],
  Miami: ['United States', 'Florida'],
  Atlanta: ['United States', 'Georgia'],
  Denver: ['United States', 'Colorado'],
  Phoenix: ['United States', 'Arizona'],
  Philadelphia: ['United States', 'Pennsylvania'],
  Washington: ['United States', 'District of Columbia'],
  'Las Vegas': ['United States', 'Nevada'],
  Portland: ['United States', 'Oregon'],
  Detroit: ['United States', 'Michigan'],
  Toronto: ['Canada', 'Ontario'],
  Vancouver: ['Canada', 'British Columbia'],
  Montreal: ['Canada', 'Quebec'],
  London: ['United Kingdom', 'England'],
  Manchester: ['United Kingdom', 'England'],
  Paris: ['France', 'Île-de-France'],
  Berlin: ['Germany', 'Berlin'],
  Madrid: ['Spain', 'Madrid'],
  Rome: ['Italy', 'Lazio'],
  Amsterdam: ['Netherlands', 'North Holland'],
  Dublin: ['Ireland', 'Leinster'],
  Sydney: ['Australia', 'New South Wales'],
  Melbourne: ['Australia', 'Victoria'],
  Singapore: ['Singapore', 'Singapore'],
  'Hong Kong': ['China', 'Hong Kong'],
  Tokyo: ['Japan', 'Tokyo'],
  Seoul: ['South Korea', 'Seoul'],
  Beijing: ['China', 'Beijing'],
  Shanghai: ['China', 'Shanghai'],
  Shenzhen: ['China', 'Guangdong'],
  Guangzhou: ['China', 'Guangdong'],
  Taipei: ['China', 'Taiwan'],
  Bangkok: ['Thailand', 'Bangkok'],
  Dubai: ['United Arab Emirates', 'Dubai'],
  Mumbai: ['India', 'Maharashtra'],
  Delhi: ['India', 'Delhi'],
};

export interface PlaceCountIn {
  name: string;
  count: number;
}
export interface RegionRollUp {
  name: string;
  count: number;
  parts: { name: string; count: number }[];
}

/** The province of a Chinese place name (a province itself, or a city of the gazetteer). */
export function provinceOf(name: string): string | undefined {
  return PROVINCES.includes(name) ? name : ZH_CITY_PROVINCE[name];
}

/** [country, state] of an English city of the gazetteer. */
export function countryOf(name: string): [string, string] | undefined {
  return EN_CITY_REGION[name];
}

function add(into: Map<string, Map<string, number>>, region: string, part: string, count: number) {
  const parts = into.get(region) ?? new Map<string, number>();
  parts.set(part, (parts.get(part) ?? 0) + count);
  into.set(region, parts);
}

const ranked = (m: Map<string, Map<string, number>>): RegionRollUp[] =>
  [...m.entries()]
    .map(([name, parts]) => ({
      name,
      count: [...parts.values()].reduce((a, b) => a + b, 0),
      parts: [...parts.entries()].map(([p, count]) => ({ name: p, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

/**
 * Chinese places by province (the province named, or its cities' counts under it) and English
 * places by country (split by state). A post naming a province and one of its cities counts twice
 * in its province: the map counts mentions of places, and both are named.
 */
export function rollUpPlaces(places: readonly PlaceCountIn[]): { zh: RegionRollUp[]; en: RegionRollUp[] } {
  const zh = new Map<string, Map<string, number>>();
  const en = new Map<string, Map<string, number>>();
  for (const p of places) {
    const english = countryOf(p.name);
    if (english) {
      add(en, english[0], english[1], p.count);
      continue;
    }
    const province = provinceOf(p.name);
    if (province) add(zh, province, p.name, p.count);
  }
  return { zh: ranked(zh), en: ranked(en) };
}
