/**
 * The risk cues per kind and language: a trigger regex (one scan per post, as before) and an
 * assessment of each match in its context that gives the cue's confidence (0 = not this risk).
 * Precision per kind is measured on labelled samples of real posts (data/cue-samples/).
 */
import type { RiskCueKind } from '@vigil/contracts';
import {
  bylineZh, claimBackground, deniedFindingZh, disasterNews, firstPersonEn, generalHarmEn, generalSafety, pressInterviewZh, pressWithoutOrganisationZh, termModifier, harmWithCauseZh, hypothetical, selfHarmNoCauseEn, jokingTakeover, leakedWhatZh, medicalHistoryEn, ownCauseZh, personalDataEn, productInvolvedEn, productInvolvedZh, roadAccidentZh, simileZh,
  speculativeQuestion, storyContext, windowTest,
} from './cue-context';
import { REPEAT_EN, REPEAT_ZH } from './repeat-cue';

export type Assess = (t: string, s: number, e: number, word: string) => number;
export interface CueRule { trigger: RegExp; assess?: Assess }
export interface CueKindRules { kind: RiskCueKind; zh?: CueRule; en?: CueRule; negatable?: boolean; keepIfQuoted?: boolean }

const when = (test: (t: string, s: number, e: number) => boolean, yes: number, no: number): Assess => (t, s, e) => (test(t, s, e) ? yes : no);

// ——— safety ———
const ZH_SAFETY_IDIOM = /气[得的炸]|肺都|炸毛|炸锅|炸了锅|炸裂|火爆|中毒太深|中毒很深|深度中毒|上瘾|受伤的心|心受伤|过敏性|过敏体质/;
const ZH_WAR_NEWS = /战争|士兵|袭击|恐怖|冲突|枪击|遇难|阵亡|伤亡|空袭|受伤的(?:永远)?是/;
const EN_SPORTS_NEWS = /\b(?:game|season|roster|rest|return(?:s|ing)? from|play(?:s|ed|ing)?|team|nba|nfl|mlb|nhl|quarterback|injured (?:list|reserve)|fantasy|waiver|coach|match|killed|soldiers?|attack|bomb|shooting|terror|troops|martyr\w*|war|strike|police said)\b/i;
const EN_DEVICE = /\b(?:battery|batteries|phone|charger|device|laptop|tablet|e-?cig\w*|vape|tank|bottle|pressure cooker|cooker|oven|microwave|tire|tyre|engine|airbag|scooter|hoverboard|stove|heater|boiler|pipe|gas|outlet|plug|cable|wire|cord|car|truck|plane|kitchen|house|building|appliance|dryer|washer|toaster|fridge|unit)\b/i;

const ZH_DEVICE = /电池|手机|充电|插座|插头|电线|线路|电路|锅|瓶|煤气|燃气|热水器|电器|机器|电脑|屏|罐|轮胎|车|灯|电源|主板|打火机|电暖|空调|冰箱/;
const ZH_BODY = /手(?!机)|脚|腿|头(?!发|皮屑)|脸|眼|皮肤|嘴|孩子|宝宝|老人|员工|骑手|顾客|乘客|手指|胳膊|身上|额头|我$/;

function zhSafety(t: string, s: number, e: number, w: string): number {
  if (ZH_SAFETY_IDIOM.test(t.slice(Math.max(0, s - 8), e + 3))) return 0;
  // 电气火灾监控报警系统, 火灾保险: the name of equipment or a policy, not a fire.
  if (termModifier(t, e, true)) return 0;
  // 手机销量爆炸, 人气爆炸: a lot of something, not a blast.
  if ((w === '爆炸' || w === '炸了') && /(?:销量|人气|流量|信息|订单|粉丝|播放量|热度|好吃|味道|口感)[^，。！？]{0,2}$/.test(t.slice(Math.max(0, s - 6), s))) return 0;
  if (deniedFindingZh(t, s)) return 0;
  // A book's plot, a simile, health advice read elsewhere: nothing happened to the writer.
  if (storyContext(t, s, e, true) || simileZh(t, s, e) || /症状|预防|的办法|注意事项/.test(t.slice(e, e + 8))) return 0;
  // 屏炸了 (the screen cracked), 卡炸了 (it lags badly), 心态炸了: slang for broken, not a blast.
  if ((w === '炸了' || w === '爆炸') && /(?:屏|屏幕|显示屏|卡|网|服务器|心态|心|群|电话|消息)[^，。！？]{0,2}$/.test(t.slice(Math.max(0, s - 6), s))) return 0;
  // 手机有点划伤: the object is scratched, nobody is hurt.
  if (w === '划伤' && /(?:手机|屏|屏幕|机身|外观|表面|外壳|壳|漆|镜头|表盘|包装|盒子|箱子)[^，。！？]{0,4}$/.test(t.slice(Math.max(0, s - 8), s))) return 0;
  const before = t.slice(Math.max(0, s - 10), s);
  // "小伙伴们以为我中毒了": what someone thought, a joke.
  if (/以为/.test(t.slice(Math.max(0, s - 8), s))) return 0;
  let base: number;
  if (w === '着火') base = t[e] === '车' || /[挨靠]$/.test(t.slice(0, s)) ? 0 : 0.9;
  else if (w === '爆炸' || w === '炸了') base = /[得到都]$/.test(before) ? 0 : ZH_DEVICE.test(before) ? 0.9 : 0.6;
  else if (w === '受伤') base = ZH_WAR_NEWS.test(t.slice(Math.max(0, s - 20), e + 20)) || /[很心示觉]$/.test(before) ? 0 : ZH_BODY.test(t.slice(Math.max(0, s - 6), s)) ? 0.8 : 0;
  else if (w === '划伤') base = ZH_BODY.test(t.slice(Math.max(0, s - 6), s)) ? 0.8 : 0;
  else if (w === '烧焦' || w === '烧坏') base = /电|线|插|充电|机|味|冒烟|主板|电路/.test(t.slice(Math.max(0, s - 8), e + 8)) ? 0.8 : 0;
  else if (w === '窒息') base = /孩子|宝宝|婴儿|差点|险些|呛|卡住|憋/.test(t.slice(Math.max(0, s - 8), e + 8)) ? 0.85 : 0;
  else if (w === '中毒') base = /吃|喝|食|饭|菜|奶|肉|外卖|餐|煤气|燃气|一氧化碳|农药|甲醛/.test(t.slice(Math.max(0, s - 12), s)) ? 0.9 : 0.5;
  else base = /起火|自燃|触电|漏电|烫伤|烧伤|冒烟|火灾|泄漏|短路/.test(w) ? 0.9 : 0.8;
  // 花粉过敏 or 车祸新闻: harm with no product, service or company in it is not the brand's risk.
  if ((w === '过敏' && !productInvolvedZh(t, s, e)) || ((w === '受伤' || w === '出血') && roadAccidentZh(t, s, e))) base = Math.min(base, 0.5);
  // 居民楼起火，消防员正在救援: war, disaster or emergency news with no one's product in it.
  // 最近腿受伤了，只能让快递送上楼: an injury nothing is said to have caused.
  // 每年由儿童玩火引起的火灾…, 高层建筑火灾如何逃生: statistics and safety advice, no incident.
  if (disasterNews(t, s, e, true) || generalSafety(t, s, e, true) || (/^(?:受伤|划伤|出血)$/.test(w) && !harmWithCauseZh(t, s, e))) base = Math.min(base, 0.5);
  // 房子起火后保险也不赔: the insured event of a claim. 着凉了，今天拉肚子: a cause no one sold.
  if (claimBackground(t, s, e, true) || (w === '拉肚子' && ownCauseZh(t, s))) base = Math.min(base, 0.5);
  // A rhetorical question ("想让我拉肚子吗"), a fear or a condition ("万一吃出问题") is not an incident.
  if (/^[了呀啊]?[吗么？?]/.test(t.slice(e, e + 3)) || hypothetical(t, s, true, e)) base *= 0.5;
  return base;
}

function enSafety(t: string, s: number, e: number, w: string): number {
  const lw = w.toLowerCase();
  const win = t.slice(Math.max(0, s - 60), e + 60);
  let c: number;
  if (/insult to injur|injury to insult/i.test(t.slice(Math.max(0, s - 20), e + 10))) return 0;
  if (storyContext(t, s, e, false)) return 0;
  // "Electrical fire monitoring systems", "house fire insurance": equipment or a policy, not a fire.
  if (termModifier(t, e, false)) return 0;
  // A work accident, a surgery, radiation burns: the writer's medical history, not a product's harm.
  if (/^(?:injur|burn|hurt)/.test(lw) && medicalHistoryEn(t, s, e) && !EN_DEVICE.test(t.slice(Math.max(0, s - 40), e + 40))) return 0;
  if (/^(?:caught fire|catch(?:es|ing)? fire|burst into flames|fire hazard|fire (?:broke out|started)|food poisoning|electric shock|electrocuted|allergic reaction|choking hazard|choked on)$/.test(lw) || /^(?:house|kitchen|car|electrical|battery) fire$/.test(lw)) c = 0.9;
  else if (lw === 'on fire') c = EN_DEVICE.test(t.slice(Math.max(0, s - 30), e + 10)) ? 0.85 : 0;
  else if (/^explo/.test(lw)) {
    if (/kittens|explosions? (?:in|of) (?:views|sales|popularity|growth|followers|traffic|interest|demand|users|downloads|likes|flavou?rs?|colou?rs?|taste)|with (?:messages|notifications|calls|e?mails|texts)|my (?:head|brain|mind)|heads? (?:exploded|explode|exploding)|(?:gonna|going to|about to|will|'ll) explode|feel like explod|popularity|internet|twitter|timeline/i.test(win)) return 0;
    c = EN_DEVICE.test(win) ? 0.85 : lw === 'exploded' && firstPersonEn(t, s, e) ? 0.6 : 0;
  } else if (/^injur/.test(lw)) {
    // An injury is the brand's risk when something caused it, not a medical history or a game.
    if (EN_SPORTS_NEWS.test(win)) return 0;
    c = /injur\w* (?:by|from|when|while|because|after)\b|(?:caused|gave me|left me with) (?:an? |my |me )?(?:\w+ )?injur|injured (?:me|my|him|her|us|them)\b/i.test(t.slice(Math.max(0, s - 25), e + 25)) ? 0.85 : 0.5;
  }
  else if (/^(?:burn|hurt)/.test(lw)) {
    if (lw === 'burns') c = firstPersonEn(t, s, e) ? 0.6 : 0;
    else if (!/^\s*(?:\w+\s+)?(?:back|head|hands?|arms?|legs?|neck|knees?|foot|feet|fingers?|eyes?|ankles?|shoulders?|wrists?|skin|face|mouth|tongue|lips?|scalp|son|daughter|child|kids?|baby|wife|husband|dog|cat)\b/i.test(t.slice(e, e + 25))) return 0;
    else c = /\bsince (?:i|he|she|we)\s+$/i.test(t.slice(Math.max(0, s - 12), s)) ? 0.5 : 0.85;
  }
  else if (/^poison/.test(lw)) c = /poison pill|poisoned chalice|pick your poison|name your poison/i.test(win) ? 0 : firstPersonEn(t, s, e) ? 0.8 : 0.5;
  else if (/^smok|^smoke/.test(lw)) c = 0.85;
  else if (/^overheat/.test(lw)) c = 0.6;
  else if (/^(?:sparks?|melted)$/.test(lw)) c = EN_DEVICE.test(win) ? 0.8 : 0;
  else c = 0.5;
  // "An allergic reaction to something", "a sports injury from running", "reduce injuries by 90 %":
  // harm in general or with no one's product or service in it does not open a ticket alone.
  if (/^(?:injur|allergic)/.test(lw) && (!productInvolvedEn(t, s, e, EN_DEVICE) || (lw.startsWith('injur') && generalHarmEn(t, s, e)))) c = Math.min(c, 0.5);
  // "Fire broke out in shops in occupied…": news of war or disaster. "I hurt my back last week so…":
  // an injury the writer tells with no cause. Neither is a product's harm.
  // "Every year kitchen fires…; how to prevent one": statistics and safety advice, no incident.
  if (disasterNews(t, s, e, false) || generalSafety(t, s, e, false) || (/^(?:injured|hurt|burn(?:ed|t)? )/.test(lw) && selfHarmNoCauseEn(t, s, e))) c = Math.min(c, 0.5);
  // "My home caught fire and the insurer has not paid the claim": the insured event, not a product's harm.
  if (claimBackground(t, s, e, false)) c = Math.min(c, 0.5);
  return hypothetical(t, s, false, e) ? c * 0.5 : c;
}

// ——— data leak ———
const ZH_DATA_NOUN = /信息|隐私|资料|数据|号码|手机号|电话|身份证|住址|地址|密码|账号|帐号|客户|用户|个人|订单|购买记录|买的东西|姓名|照片/;
const ZH_PHYSICAL = /液|水|油|气|瓶|包装|沐浴露|洗发水|洒|流出|漏了|盖子/;
const EN_DATA = /\b(?:data|personal|information|info|details|passwords?|e-?mail (?:address|addresses)|addresses|phone numbers?|credit card|card numbers?|customers?'? (?:data|information|records)|records|ssn|social security|privacy|photos of (?:me|my))\b/i;
const EN_PHYSICAL_OR_NEWS = /\b(?:fuel|oil|water|gas|roof|pipe|acid|coolant|hydraulic|tank|bottle|ceiling|leaky|specs|release|trailer|render|episode|album|song|game|images of the|football|emails? (?:of|from) (?:the )?(?:dnc|clinton|podesta|campaign))\b/i;

// 钱包被盗, 扒手, 入室盗窃: property stolen, not data (a wallet is not a 钱 account).
const ZH_PROPERTY_STOLEN = /(?:钱包|现金|手机|电脑|笔记本|财物|首饰|自行车|电动车|摩托车|汽车|车辆|背包|包包|行李)(?:又|都|也|竟然|全)?被盗|扒手|扒窃|小偷|入室盗窃|盗窃案/;
const ZH_DIGITAL = /账号|帐号|账户|银行卡|信用卡|支付宝|微信|QQ|密码|余额|个人信息|身份证号|卡号|验证码/;
// 民警提醒, 谨防盗号, 防骗手册, 信用卡盗刷案件高发, 隐私泄露频频发生, 恐泄露隐私: a warning, a
// statistic or a general remark or fear, with no one saying it happened to them.
const ZH_WARNING_OR_GENERAL = /提醒|提示|谨防|警惕|防骗|防盗|反诈|防范|手册|指南|攻略|宣传|常见|高发|频发|频频|大数据时代|风险|以防|担心|恐(?=泄|被)|同比|发案|\d+类/;
const ZH_ORG_DATA = /(?:公司|银行|平台|网站|医院|酒店|快递|商家|卖家|网店|运营商|学校)[^，。！？]{0,12}(?:用户|客户|顾客|会员|学生|患者|住客)?(?:的)?(?:个人)?(?:信息|资料|数据)|(?:用户|客户|顾客|会员|患者|住客)(?:的)?(?:个人)?(?:信息|资料|数据)/;
const ZH_VICTIM = /我的|我被|我家|本人|我妈|我爸|我老公|我老婆|我朋友|我同事|我们的/;

function zhLeak(t: string, s: number, e: number, w: string): number {
  const c = zhLeakBase(t, s, e, w);
  if (c < 0.7) return c;
  const near = t.slice(Math.max(0, s - 40), e + 40);
  if (ZH_VICTIM.test(near)) return c;
  if (/被盗/.test(w) && !/盗刷|盗号/.test(w) && ZH_PROPERTY_STOLEN.test(t.slice(Math.max(0, s - 12), e + 12)) && !ZH_DIGITAL.test(t.slice(Math.max(0, s - 12), e + 12))) return 0;
  // 某快递公司500万用户信息泄露，警方提醒…: a named organisation's users' data is an incident, warning or not.
  if (ZH_WARNING_OR_GENERAL.test(near) && !ZH_ORG_DATA.test(near)) return 0.5;
  return c;
}

function zhLeakBase(t: string, s: number, e: number, w: string): number {
  const win = t.slice(Math.max(0, s - 10), e + 10);
  if (/泄露|泄漏|外泄/.test(w)) {
    // 用户信息泄露 is a data leak; 内部消息泄露, 剧透, 新机谍照泄露 are news leaked by people.
    if (ZH_PHYSICAL.test(win) && !ZH_DATA_NOUN.test(win)) return 0;
    const what = leakedWhatZh(t, s, e);
    if (what === 'personal') return 0.9;
    if (what === 'news') return 0;
    return ZH_DATA_NOUN.test(win) ? 0.75 : 0.4;
  }
  // 名牌电缆商标被冒用: a brand counterfeited, not someone's identity used.
  if (/冒用/.test(w) && /商标|品牌|名牌|厂名|厂址|包装|专利|假冒/.test(win)) return 0;
  if (w === '隐私') return /泄露|曝光|侵犯|暴露|被卖|出卖/.test(win) ? 0.85 : 0;
  // 网易云是不是盗号了，推荐的全是我爱听的: a joke, nothing was taken.
  if (/盗号|被盗|账号被/.test(w) && jokingTakeover(t, s, e, true)) return 0.5;
  if (w === '被盗') return /账号|帐号|账户|卡|支付宝|微信|QQ|密码|钱(?!包)|余额/.test(win) ? 0.85 : 0;
  if (/骚扰电话|诈骗电话/.test(w)) return /泄露|泄漏|信息|怎么知道|知道我|说出|叫出/.test(t.slice(Math.max(0, s - 30), e + 30)) ? 0.8 : 0;
  return 0.9;
}

function enLeak(t: string, s: number, e: number, w: string): number {
  const lw = w.toLowerCase();
  const win = t.slice(Math.max(0, s - 50), e + 50);
  // Only personal data leaking is a data leak: "sources leaked that info" is news leaked by people.
  if (/^leak/.test(lw)) return EN_PHYSICAL_OR_NEWS.test(win) ? 0 : personalDataEn(t, s, e) ? 0.85 : 0;
  if (/^data breach/.test(lw)) return 0.9;
  if (/^breach/.test(lw)) {
    if (/^\s*of (?:the |my |our |their |this )?(?:contract|warranty|duty|trust|peace|agreement|fiduciary|lease|terms)/i.test(t.slice(e, e + 30))) return 0;
    if (!firstPersonEn(t, s, e)) return 0.5;
    if (/(?:security|privacy) $/i.test(t.slice(Math.max(0, s - 9), s))) return 0.85;
    return EN_DATA.test(win) ? 0.8 : 0;
  }
  if (/^hack/.test(lw)) {
    if (jokingTakeover(t, s, e, false)) return 0.5;
    if (/\b(?:my|our)\b[\w\s]{0,25}\b(?:was|were|got|has been|have been)\s+hacked|hacked (?:into )?(?:my|our) (?:\w+ )?(?:accounts?|e-?mails?|system|network|data|computers?|phones?|cards?|bank|wifi|router|profile|page|website|server)|\b(?:i|we) (?:was|were|got|have been) hacked|account (?:was|got|has been) hacked/i.test(win)) return 0.9;
    return /hackers?\b/.test(lw) && EN_DATA.test(win) ? 0.8 : 0;
  }
  if (lw === 'phishing') return 0.7;
  return hypothetical(t, s, false) ? 0.45 : 0.9;
}

// ——— media ———
const ZH_PHOTO = /相机|拍照|拍摄|照片|镜头|补偿|过曝|欠曝|曝光度|曝光时间|测光|快门|ISO|iso|光圈|白平衡|夜景|画面|曝光(?:很|不|准|过度|正常|稳定|控制)/;
const ZH_CONTACT_BEFORE = /(?:找|联系|告诉|打给|打电话给|投诉到|反映给|爆料给|曝光给|求助|向|让|请)(?:当地|本地|各大|各家|一下|了|的)?$/;
const ZH_INTENT_BEFORE = /(?:我要|我会|就|准备|马上|已经|一定|必须|直接|还不)[^，。！？]{0,4}$/;

function zhMedia(t: string, s: number, e: number, w: string): number {
  // A guess about someone else's exposure ("要曝光三元了么？") is not the writer going to the press.
  if (speculativeQuestion(t, s, e, true)) return 0.45;
  const left = t.slice(Math.max(0, s - 8), s);
  // 真想传到网上……后来想想算了: a wish the writer dropped, not a threat.
  if (/(?:真想|本想|本来想|想过|差点|恨不得)[^，。！？]{0,8}$/.test(t.slice(Math.max(0, s - 12), s)) || /算了|作罢|还是不/.test(t.slice(e, e + 30))) return 0.4;
  if (storyContext(t, s, e, true) && !/我|我们/.test(left)) return 0;
  // 本报记者刘宇琦报道, （记者 杨毅）: a news report's credit line.
  if (w === '记者' && bylineZh(t, s, e)) return 0;
  // 接受记者采访, 市民告诉记者, 记者走访了三家银行: a report being gathered, not the press called in.
  if (/^(?:记者|媒体|电视台|央视)/.test(w) && pressInterviewZh(t, s, e)) return 0.4;
  // Celebrity gossip, a suspect's identity, a smog story "据当地媒体报道": press words about no
  // organisation's problem and neither the writer nor the company addressed.
  if (pressWithoutOrganisationZh(t, s, e)) return 0.4;
  if (w === '曝光') return ZH_PHOTO.test(t.slice(Math.max(0, s - 12), e + 12)) ? 0 : 0.9;
  if (/^(?:发|上|传)/.test(w)) {
    if (t[s - 1] === '转') return 0;
    return ZH_INTENT_BEFORE.test(left) || /^[^，。！？]{0,4}(?:曝光|让大家|吐槽|维权)/.test(t.slice(e, e + 8)) ? 0.8 : 0;
  }
  if (w === '热搜') return /上热搜|冲上热搜/.test(t.slice(Math.max(0, s - 2), e)) ? 0.7 : 0;
  if (w === '公之于众') return /我|我们/.test(t.slice(Math.max(0, s - 15), s)) ? 0.8 : 0;
  if (w === '让大家都知道') return 0.7;
  if (t[s - 1] === '多') return 0;
  return ZH_CONTACT_BEFORE.test(left) || /^[^，。！？]{0,3}(?:曝光|报道|采访|介入|爆料)/.test(t.slice(e, e + 6)) ? 0.85 : 0;
}

const EN_CONTACT_BEFORE = /\b(?:contact(?:ing|ed)?|call(?:ing|ed)?|e-?mail(?:ing|ed)?|tell(?:ing)?|write to|writing to|reach(?:ing)? out to|reached out to|go(?:ing)? to|went to|tak(?:e|ing) (?:this|it|my story) to|report(?:ing)? (?:this|you|it) to|alert(?:ing)?)\s+(?:(?:the|my|a|local|every|all|some|national|tv|news|our|to)\s+){0,3}$/i;
const EN_THREAT = /\b(?:will|going to|gonna|about to|i'll|we'll|until|unless|or else)\b/i;
/** The writer says they will do it: "I'm going public", "we will go to the press", "make this go viral". */
const EN_WRITER_INTENT = /\b(?:i|i'm|i am|i'll|i will|we|we're|we'll|we will|make this|making this|this will|may|might)\b[\w\s']{0,12}$/i;

function enMedia(t: string, s: number, e: number, w: string): number {
  const lw = w.toLowerCase();
  if (speculativeQuestion(t, s, e, false)) return 0.45;
  if (/^expos/.test(lw) || /^story for the/.test(lw)) return 0.85;
  if (/^go(?:ing|es)? (?:viral|public)/.test(lw)) {
    if (t[s - 1] === '-') return 0;
    return EN_WRITER_INTENT.test(t.slice(Math.max(0, s - 30), s)) ? 0.8 : 0.5;
  }
  if (/^all over/.test(lw)) return EN_THREAT.test(t.slice(Math.max(0, s - 40), s)) ? 0.7 : 0;
  if (lw === 'media' && /social $/i.test(t.slice(Math.max(0, s - 7), s))) return /^\s+(?:alert|blast)/i.test(t.slice(e, e + 8)) ? 0.8 : 0;
  if (/alert the media/i.test(t.slice(Math.max(0, s - 10), e))) return 0;
  const left = t.slice(Math.max(0, s - 45), s);
  if (!EN_CONTACT_BEFORE.test(left)) return 0;
  // "going to the news" is a threat when the writer goes; "so going to local news after the show" is TV.
  return /\bgo(?:ing)? to|\bwent to/i.test(left) && !EN_WRITER_INTENT.test(left) ? 0.5 : 0.85;
}

// ——— regulator ———
const ZH_COMPLAINT_VERB = /投诉|举报|反映|找|告|打|拨|报给|上报|去|向|维权|热线|晚会|曝光|权益日|专线/;
const ZH_STRONG_REGULATOR = /12315|消协|消费者协会|消保委|消保会|消基会|消委会|消保官|消费者保护委员会|消费者委员会|市场监管|市场监督|工商局|工商部门|黑猫投诉/;

function zhRegulator(t: string, s: number, e: number, w: string): number {
  if (ZH_STRONG_REGULATOR.test(w)) return 0.9;
  const win = t.slice(Math.max(0, s - 8), e + 8);
  // 1950年8月21日出生, 315路公交, 12345元: a year, a bus line or an amount, not the hotline or the day.
  if (/^(?:315|12345|1950)$/.test(w) && /^\s?(?:年|元|块|米|路|号|次|万|个|人|多|余|届|期|型|款|分|斤|克|公里)/.test(t.slice(e, e + 3))) return 0;
  if (/^(?:315|3·15|三一五|12345|1950)$/.test(w)) return ZH_COMPLAINT_VERB.test(win) ? 0.85 : 0;
  return ZH_COMPLAINT_VERB.test(win) ? 0.85 : 0.4;
}

const EN_COMPLAINT_CONTEXT = /\b(?:file|filed|filing|report(?:ed|ing)?|complain(?:ed|ing|t|ts)?|contact(?:ed|ing)?|submit(?:ted|ting)?|reach(?:ed)? out|writ(?:e|ing|ten)|wrote|call(?:ed|ing)?|escalat\w*|go(?:ing)? to|notif\w*|dear|please|help|dispute|portal|open with|with the)\b/i;

function enRegulator(t: string, s: number, e: number, w: string): number {
  if (/^(?:ftc|bbb|cfpb|fcc|dot|faa|puc)$/i.test(w) && w !== w.toUpperCase()) return 0;
  const ctx = EN_COMPLAINT_CONTEXT.test(t.slice(Math.max(0, s - 60), e + 30));
  if (/^(?:fcc|dot|faa|puc|state regulators?)$/i.test(w)) return ctx ? 0.85 : 0;
  return ctx ? 0.9 : 0.6;
}

// ——— the other kinds: narrower triggers, context for the common words ———
const ZH_COMPLAINT_NEAR = /没|不|被|投诉|坑|骗|问题|故障|坏|差|维权|退|遇到|一样|等|催|客服|还是/;
const EN_FAILURE_NEAR = /\b(?:broke|broken|fail(?:ed|s)?|crash(?:ed|es)?|late|delay(?:ed)?|cancel(?:l?ed)?|charged|happened|same (?:issue|problem)|not working|stopped|down|lost|called|calling|contacted|complain\w*|asked|issue|problem|nothing|no (?:response|answer|reply)|waiting|wrong)\b/i;

export const CUE_RULES: CueKindRules[] = [
  { kind: 'manager_request', negatable: true,
    zh: { trigger: /(?:找|叫|让|请|要求见|转接?给?)(?:你们|你家)?(?:的)?(?:领导|经理|负责人|老板|主管|上级|店长)|(?:领导|经理|负责人|主管|店长)(?:出来|来处理|给个说法)/, assess: () => 0.85 },
    en: { trigger: /\b(?:speak|talk|ask|want|get|call|see|demand|need|requested?)\b(?:\s+\w+){0,3}?\s+(?:a |the |your |his |her )?(?:manager|supervisor|someone in charge)\b|\bescalat(?:e|ed|ing)\b/i,
      assess: (t, _s, e, w) => (/^escalat/i.test(w) ? (/^\s+(?:this |the |my )?(?:matter |issue |complaint )?to (?:the )?(?:federal |district |small claims )?(?:court|tv|media|news|press|cfpb|attorney|ftc|bbb)/i.test(t.slice(e, e + 40)) ? 0 : 0.7) : 0.85) } },
  { kind: 'regulator', negatable: true,
    zh: { trigger: /12315|(?<!\d)12345(?!\d)|消协|消费者协会|消保委|消保会|消基会|消委会|消保官|消费者保护委员会|消费者委员会|市场监管|市场监督|工商局|工商部门|市长热线|工信部|银保监|金融监管|证监会|网信办|黑猫投诉|通信管理局|物价局|食药监|卫健委|公平会|金管会|通传会|食药署|卫福部|(?<![A-Za-z\d])315(?!\d)|3·15|三一五|(?<!\d)1950(?!\d)/, assess: zhRegulator },
    en: { trigger: /\b(?:FTC|BBB|CFPB|FCC|DOT|FAA|PUC|attorney general|better business bureau|consumer protection (?:agency|bureau|office)|trading standards|ombudsman|federal trade commission|department of transportation|consumer financial protection bureau|state regulators?|public utilit(?:y|ies) commission)\b/i, assess: enRegulator } },
  { kind: 'media', negatable: true,
    zh: { trigger: /曝光|媒体|记者|电视台|报社|新闻|热搜|央视|焦点访谈|(?:发|上|传)(?:到)?(?:微博|抖音|小红书|网上|朋友圈|知乎|头条)|让大家都知道|公之于众/, assess: zhMedia },
    en: { trigger: /\b(?:journalists?|reporters?|the press|media|news(?: station| outlet| channel)?|tv station|television|local news|channel \d+|go(?:ing|es)? (?:viral|public)|expos(?:e|ing) (?:you|this|them|your)|story for the (?:media|press|news)|all over (?:twitter|facebook|social media|the internet|the news))\b/i, assess: enMedia } },
  { kind: 'legal', negatable: true,
    zh: { trigger: /律师|起诉|法院|诉讼|告你们|打官司|法律途径|法律手段|律师函|仲裁|报警|立案/, assess: () => 0.75 },
    en: { trigger: /\b(?:lawyers?|attorney(?! general)|sue|suing|lawsuit|court|class action|legal action|litigation|small claims)\b/i,
      assess: (t, s, e, w) => {
        if (w === 'Sue' && !/\b(?:to|will|'ll|going to|gonna|can|could|should|i|we)\s+$/i.test(t.slice(Math.max(0, s - 12), s))) return 0;
        if (/^court$/i.test(w)) return /\b(?:take|taking|took|see you in|go to|small claims|federal|district|filed in|in)\s+(?:\w+\s+)?$/i.test(t.slice(Math.max(0, s - 20), s)) && !/food court|basketball|tennis|court of appeals/i.test(t.slice(Math.max(0, s - 15), e + 15)) ? 0.75 : 0;
        return 0.75;
      } } },
  { kind: 'vulnerable_person',
    zh: { trigger: /老人|老年人|老人家|孩子|小孩|儿童|婴儿|宝宝|孕妇|怀孕|病人|患者|残疾|瘫痪|老母亲|老父亲|[七八九]十(?:多)?岁/,
      assess: when(windowTest(/等|饿|冻|摔|病|急|哭|害|受|伤|没人管|耽误|危险|晕|吐|住院|发烧|不舒服|一直|投诉|不管|差点/, 15, 15), 0.7, 0) },
    en: { trigger: /\b(?:elderly|old (?:man|woman|lady)|grand(?:ma|mother|pa|father)|child|children|kids?|bab(?:y|ies)|infants?|toddlers?|pregnant|disabled|disability|wheelchair|senior citizens?)\b/i,
      assess: when(windowTest(/\b(?:stranded|waiting|waited|hungry|sick|hurt|crying|alone|stuck|missed|no help|hours|cold|heat|left behind|denied|refused|nobody|no one)\b/i, 50, 50), 0.7, 0) } },
  { kind: 'medical_or_exam',
    zh: { trigger: /看病|挂号|产检|医院|住院|急诊|手术|考试|高考|中考|考研|复诊|救护车|就医|体检|药品/,
      assess: when(windowTest(/耽误|错过|迟到|来不及|赶不上|急着|急需|没法|不能去|延误|误了|等着/, 15, 15), 0.7, 0) },
    en: { trigger: /\b(?:hospital|doctor'?s? appointment|exam|exams|surgery|emergency room|ambulance|medications?|prescriptions?|clinic|chemo(?:therapy)?|dialysis)\b/i,
      assess: when(windowTest(/\b(?:missed|miss|late for|couldn't get|can't get|cannot get|delay(?:ed)?|without|ran out|urgent|emergency|stranded|cancel(?:l?ed)?|refused|denied)\b/i, 50, 50), 0.7, 0) } },
  { kind: 'safety', negatable: true,
    zh: { trigger: /起火|着火|爆炸|受伤|食物中毒|中毒|烫伤|烧伤|触电|漏电|冒烟|自燃|划伤|过敏|火灾|出血|炸了|煤气泄漏|燃气泄漏|短路|烧焦|烧坏|异物|玻璃渣|吃坏肚子|拉肚子|窒息/, assess: zhSafety },
    en: { trigger: /\b(?:caught fire|catch(?:es|ing)? fire|on fire|burst into flames|fire hazard|(?:house|kitchen|car|electrical|battery) fire|fire (?:broke out|started)|explod(?:e|ed|es|ing)|explosions?|injur(?:y|ies|ed|ing)|hurt (?:my|his|her|their|our)|burn(?:ed|t)? (?:my|his|her|our|their)|burns|food poisoning|poison(?:ing|ed)|electric shock|electrocuted|smoke (?:came|coming|pouring)|smoking (?:battery|charger|outlet)|allergic reaction|overheat(?:ed|ing)|sparks?|melted|choking hazard|choked on)\b/i, assess: enSafety } },
  { kind: 'data_leak', negatable: true,
    zh: { trigger: /泄露|泄漏|外泄|被盗刷|盗刷|被盗号|盗号|被盗|信息被(?:卖|出卖)|骚扰电话|诈骗电话|账号被(?:盗|冒用|登录|异地登录)|被冒用|冒用(?:我的)?身份|隐私/, assess: zhLeak },
    en: { trigger: /\b(?:leak(?:ed|s|ing)?|data breach(?:es)?|breach(?:ed|es)?|hack(?:ed|ers?)|stolen (?:card|identity|account|data|credit card|information|info)|identity theft|id theft|unauthori[sz]ed (?:charges?|transactions?|access|logins?|withdrawals?|purchases?)|fraudulent (?:charges?|transactions?|accounts?)|phishing)\b/i, assess: enLeak } },
  { kind: 'collective_action',
    zh: { trigger: /我们小区|整个小区|全小区|整栋楼|大家都|集体|维权群|多户|好多人都|很多人都|业主们|所有人都|联名|一起投诉|一起维权|[几十百]+户|不止我一个/,
      assess: (t, s, e, w) => (/^(?:大家都|集体|好多人都|很多人都|所有人都)$/.test(w) ? (ZH_COMPLAINT_NEAR.test(t.slice(e, e + 12)) && !/好评|推荐|好吃|喜欢|说好|不错/.test(t.slice(Math.max(0, s - 6), e + 12)) ? 0.6 : 0) : 0.85) },
    en: { trigger: /\b(?:all of us|everyone in (?:my|our|the) (?:building|neighbou?rhood|area|street|complex)|many of us|all my neighbou?rs|other customers (?:too|also|are)|petition|we are not the only|not the only one)\b/i,
      assess: (t, s, e, w) => (/^(?:all of us|many of us)$/i.test(w) ? (EN_FAILURE_NEAR.test(t.slice(Math.max(0, s - 40), e + 40)) ? 0.6 : 0) : 0.8) } },
  { kind: 'repeat_complaint', zh: REPEAT_ZH, en: REPEAT_EN },
  { kind: 'compensation_demand', negatable: true,
    zh: { trigger: /退款|退钱|赔偿|赔钱|索赔|赔付|补偿|退一赔[三十]|假一赔|全额退|要求赔/,
      assess: (t, s, e) => (/已经?(?:退款|退钱|赔偿|补偿)|(?:退款|赔偿|补偿)(?:已经?)?(?:到账|收到)|退款了/.test(t.slice(Math.max(0, s - 3), e + 6)) ? 0 : 0.8) },
    en: { trigger: /\b(?:refund(?:ed)?|compensat(?:e|ion)|reimburse(?:ment)?|money back|chargeback)\b/i,
      assess: (t, s, e) => (/got (?:my|a|the) refund|refund(?:ed)? (?:was )?(?:processed|received)|thanks? (?:you )?for (?:the|my) refund/i.test(t.slice(Math.max(0, s - 20), e + 20)) ? 0 : 0.8) } },
];

