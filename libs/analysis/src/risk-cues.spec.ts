import { CONFIDENT_CUE, type RiskCueKind } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from './analyzer';

const analyzer = createAnalyzer();
const cues = (text: string) => analyzer.analyze({ text }).analysis.riskCues;
const kinds = (text: string) => cues(text).map((c) => c.kind);

describe('risk cues', () => {
  it.each<[RiskCueKind, string, string]>([
    ['manager_request', '叫你们经理出来', '叫你们经理'],
    ['manager_request', 'I want to speak to a manager now', 'want to speak to a manager'],
    ['regulator', '我已经打了12315', '12315'],
    ['regulator', '去市场监管局投诉你们', '市场监管'],
    ['regulator', 'I filed a complaint with the BBB', 'BBB'],
    ['media', '我要找记者曝光你们', '曝光'],
    ['media', 'I will contact a journalist about this', 'journalist'],
    ['legal', '我会请律师起诉你们', '律师'],
    ['legal', 'We are filing a class action', 'class action'],
    ['vulnerable_person', '家里有老人等着吃饭', '老人'],
    ['vulnerable_person', 'my pregnant wife waited for hours', 'pregnant'],
    ['medical_or_exam', '耽误了孩子考试', '考试'],
    ['medical_or_exam', 'I missed my hospital appointment', 'hospital'],
    ['safety', '充电器起火了', '起火'],
    ['safety', 'the charger caught fire last night', 'caught fire'],
    ['data_leak', '我的信用卡被盗刷了', '被盗刷'],
    ['data_leak', 'my account was hacked', 'hacked'],
    ['collective_action', '我们小区很多人都没收到', '我们小区'],
    ['collective_action', 'everyone in my building had the same outage', 'everyone in my building'],
    ['repeat_complaint', '又送错了', '又'],
    ['repeat_complaint', '这是第三次投诉了', '第三次'],
    ['repeat_complaint', 'it broke again', 'again'],
    ['repeat_complaint', "I called twice and they still haven't replied", "still haven't"],
    ['repeat_complaint', '打了三次电话，至今没有回复', '至今没'],
    ['repeat_complaint', '已经多次联系客服了', '多次'],
    ['repeat_complaint', '鲜达外卖又送晚了两个小时', '又'],
    ['repeat_complaint', 'I have contacted them multiple times', 'multiple times'],
    ['repeat_complaint', 'I called Equifax again and nobody helped', 'again'],
    ['compensation_demand', '我要求退款', '退款'],
    ['compensation_demand', 'I want a full refund', 'refund'],
  ])('%s in "%s"', (kind, text, evidence) => {
    const c = cues(text).find((x) => x.kind === kind);
    expect(c?.evidence).toBe(evidence);
    expect(analyzer.analyze({ text }).maskedText.slice(c!.start, c!.end)).toBe(evidence);
  });

  it.each<[string, RiskCueKind]>([
    ['又快又好，下次还来', 'repeat_complaint'],
    ['又便宜又好吃', 'repeat_complaint'],
    ['Great food, would definitely order again', 'repeat_complaint'],
    ['不用找经理，问题已经解决了', 'manager_request'],
    ['I do not want a refund, just the item', 'compensation_demand'],
    ['已经退款了，谢谢', 'compensation_demand'],
    ['没有起诉的打算', 'legal'],
    ['This team is on fire tonight', 'safety'],
    ['We will not sue', 'legal'],
  ])('no false positive in "%s" (%s)', (text, kind) => {
    expect(kinds(text)).not.toContain(kind);
  });

  it.each<[string, RiskCueKind]>([
    ['Delayed 3 hours and then lost my bag, just to add insult to injury', 'safety'],
    ['Going to kill it at the interview today', 'safety'],
    ['This new album is fire 🔥', 'safety'],
    ['Kids left a Kindle Fire HD on the plane', 'safety'],
    ['You should fire your rep, she was useless', 'safety'],
    ['Exploding Kittens is the best card game', 'safety'],
    ["I'm going to explode if I hear that song again", 'safety'],
    ['Brady out with an injury for the rest of the season', 'safety'],
    ['气得我都要冒烟了，发货太慢', 'safety'],
    ['等了三天才到，真是气炸了', 'safety'],
    ['如果散热不好，早就爆炸了', 'safety'],
    ['没有人受伤，谢天谢地', 'safety'],
    ['He sued them for breach of contract', 'data_leak'],
    ['The mechanic found a fuel leak', 'data_leak'],
    ['New Galaxy S8 leaks show the design', 'data_leak'],
    ['沐浴露泄露了，包装不防撞', 'data_leak'],
    ['酒店晚上还有骚扰电话问要不要按摩', 'data_leak'],
    ['两间房的电脑被盗，报了警', 'data_leak'],
    ['The media sucks', 'media'],
    ['给老人用的，看新闻和微信，挺好用', 'media'],
    ['多媒体功能十分强大', 'media'],
    ['夜景模式曝光很准', 'media'],
    ['不喝蒙牛了 转发微博', 'media'],
    ['M315是我喜欢的直板手机', 'regulator'],
    ['FCC appointees say net neutrality is crony capitalism', 'regulator'],
    ['花钱跟不要钱似的', 'compensation_demand'],
    ['笑死，这也太好玩了', 'safety'],
    ['给老人买的，老人家很喜欢', 'vulnerable_person'],
    ['再次购买了，还是那么好吃', 'repeat_complaint'],
    ['送货又慢，质量又差', 'repeat_complaint'],
    ['口感偏酸又不甜', 'repeat_complaint'],
    ['第一次购买还可以，第二次就以次充好', 'repeat_complaint'],
    ['吃一次不会吃第二次', 'repeat_complaint'],
    ['送来是凉的，不会再在这儿订第二次了', 'repeat_complaint'],
    ['不小心装驱动后，自动反复开机关机', 'repeat_complaint'],
    ['Again, I reiterate that the debt is not mine', 'repeat_complaint'],
    ['Still waiting for my food, so hungry', 'repeat_complaint'],
    ['Thanks again for the great service!', 'repeat_complaint'],
    ['Your failure to verify these accounts has hurt my credit score', 'safety'],
    ['酒店紧挨着火车站，很方便', 'safety'],
    ['等了一个半小时，等得都炸了', 'safety'],
    ['热豆浆到了都凉了，想让我拉肚子吗？', 'safety'],
    ['衣服掉色，小伙伴们以为我中毒了', 'safety'],
    ['装到一半机器响个不停，像要爆炸了一样', 'safety'],
    ['用了半年，显示屏就炸了', 'safety'],
    ['手机有点划伤还不给退', 'safety'],
    ['这本书写得好，夫差中毒的时候那段最揪心', 'safety'],
    ['没煮熟的豆浆会引起中毒症状', 'safety'],
    ['I have been out of work due to an injury on the job', 'safety'],
    ['He has a brain injury from birth', 'safety'],
    ['Trump received a phone call, heads exploded', 'safety'],
    ['真想拍下来传到网上，后来想想算了', 'media'],
    ['This wasn\'t a fraudulent charge after all', 'data_leak'],
  ])('no cue for an idiom, quote, negation or figurative use: "%s" (%s)', (text, kind) => {
    expect(kinds(text)).not.toContain(kind);
  });

  it.each<[string, RiskCueKind]>([
    ['My phone caught fire while charging', 'safety'],
    ['The battery exploded in my hand', 'safety'],
    ['I got food poisoning from the salad', 'safety'],
    ['充电差点导致爆炸，插口都烧黑了', 'safety'],
    ['洗完头过敏了，头皮又红又痒', 'safety'],
    ['Your data breach exposed my personal information', 'data_leak'],
    ['My account was hacked and someone made unauthorized charges', 'data_leak'],
    ['快递泄露客户买的东西和手机号', 'data_leak'],
    ['再不处理我就找媒体曝光', 'media'],
    ['I am contacting the local news about this', 'media'],
    ['我要发微博让大家都知道你们的服务', 'media'],
    // A question with the writer acting is a threat, not a guess.
    ['你们再拖，是想让我找记者曝光吗？', 'media'],
    ['Should I go to the local news with this?', 'media'],
    ['媒体都曝光过这家平台卖假货，你们还不处理？', 'media'],
    ['已經向消保會申訴了', 'regulator'],
    ['我要去消基會檢舉你們', 'regulator'],
    ['手机坏了，举报315', 'regulator'],
    ['I filed a complaint with the DOT about the refund', 'regulator'],
  ])('a real %s: "%s"', (text, kind) => {
    const c = cues(text).find((x) => x.kind === kind);
    expect(c).toBeDefined();
    expect(c!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it.each<[string, RiskCueKind]>([
    ['So going to local news right after the show', 'media'],
    ['Brady out with an injury, writes the Globe', 'safety'],
    ['Someone could fax in a fraudulent account', 'data_leak'],
    // A guess about someone else's exposure is not the writer going to the press (the failure class of final3's wrong media fires).
    ['伊利最近很受伤啊，继光明后要曝光伊利了么？', 'media'],
    ['这家店会不会被电视台报道啊？', 'media'],
    ['Does anyone think the league will go to the press with it before the final?', 'media'],
  ])('not confident enough to open a ticket alone: "%s" (%s)', (text, kind) => {
    expect(cues(text).find((c) => c.kind === kind)?.confidence ?? 0).toBeLessThan(CONFIDENT_CUE);
  });

  it('gives a quoted or hypothetical cue a lower confidence than a reported one', () => {
    const told = cues('My charger caught fire last night').find((c) => c.kind === 'safety')!.confidence!;
    const quotedCue = cues('The headline read "charger caught fire" again').find((c) => c.kind === 'safety')?.confidence ?? 0;
    expect(quotedCue).toBeLessThan(told);
    expect(cues('如果电池质量不好会爆炸吗').find((c) => c.kind === 'safety')?.confidence ?? 0).toBeLessThan(0.7);
  });

  it('attaches a nearby amount to a compensation demand', () => {
    expect(cues('必须赔偿2万元').find((c) => c.kind === 'compensation_demand')?.amount).toBe(20000);
    expect(cues('I want a refund of $120').find((c) => c.kind === 'compensation_demand')?.amount).toBe(120);
    expect(cues('我要求退款').find((c) => c.kind === 'compensation_demand')?.amount).toBeUndefined();
  });
});

// The failure classes of the fresh sample final4 (2026-12-07, fourth session): harm with no product or
// service in it, information leaked by people, a joke about a hacked account. Each class in zh and en,
// beside the real cue of the same words, which must still open a ticket.
describe('risk cues: whose harm, what leaked, a joke', () => {
  const confidence = (text: string, kind: RiskCueKind) => Math.max(0, ...cues(text).filter((c) => c.kind === kind).map((c) => c.confidence ?? 1));

  it.each<[string, RiskCueKind]>([
    // Accidents and illness in general: a statistic, a sports injury, an allergy to nothing anyone sold.
    ['Studies say seat belts reduce injuries by 50% on highways', 'safety'],
    ['Got a sports injury from running last week, still limping', 'safety'],
    ['Having an allergic reaction to something, no idea what. Benadryl?', 'safety'],
    ['高速上发生车祸，一名男子腿部受伤', 'safety'],
    ['最近花粉过敏，眼睛痒得难受', 'safety'],
    // News, plans and spoilers leaked by people, not personal data.
    ['Sources leaked details of the merger to reporters', 'data_leak'],
    ['Insiders leaked the info to the press before the launch', 'data_leak'],
    ['公司内部资料泄露了，新品配置全曝光', 'data_leak'],
    ['剧透信息泄露，结局大家都知道了', 'data_leak'],
    // A guess said as praise, nothing taken: a joke about a hacked account.
    ['I swear Spotify hacked into my account, this playlist is exactly my taste', 'data_leak'],
    ['难道抖音被盗号了？刷到的全是我喜欢的，烦死了停不下来', 'data_leak'],
  ])('not confident enough to open a ticket alone: "%s" (%s)', (text, kind) => {
    expect(confidence(text, kind)).toBeLessThan(CONFIDENT_CUE);
  });

  it.each<[string, RiskCueKind]>([
    ['I had an allergic reaction after using your new shampoo', 'safety'],
    ['My son was injured by the faulty car seat', 'safety'],
    ['用了这款面霜以后脸上过敏了', 'safety'],
    ['充电的时候手机起火了', 'safety'],
    ['坐的大巴出了车祸，好几个乘客受伤', 'safety'],
    ['They leaked my personal information to spammers', 'data_leak'],
    ['Customer data leaked from the app, passwords included', 'data_leak'],
    ['客户信息泄露，天天接到骚扰电话', 'data_leak'],
    ['My account was hacked and the password changed', 'data_leak'],
    ['我的QQ被盗号了，骗子还用它找朋友借钱', 'data_leak'],
  ])('still a real %s: "%s"', (text, kind) => {
    expect(confidence(text, kind)).toBeGreaterThanOrEqual(CONFIDENT_CUE);
  });
});

// The failure classes of the held-out sample final5 (2026-12-07, cues-6): harm said as a condition or
// a prediction, news of war, disaster or an emergency with no one's product at fault, an injury told
// with no cause. Each class in zh and en, beside real incidents of the same words, which must stay.
describe('risk cues: conditional harm, disaster news, an injury with no cause', () => {
  const confidence = (text: string, kind: RiskCueKind) => Math.max(0, ...cues(text).filter((c) => c.kind === kind).map((c) => c.confidence ?? 1));

  it.each<[string]>([
    // A standing allergy or a defect with a condition or a prediction: nothing has happened yet.
    ['孩子对奶粉过敏，万一吃出问题你们负责吗？'],
    ['插座一直发烫，迟早要起火'],
    ['Someone will get food poisoning if they keep serving raw chicken'],
    ['This heater is going to catch fire one day'],
    ['Food poisoning waiting to happen if the chicken is that raw'],
    // War, disaster and emergency news: nobody's product, service or fault, not the writer.
    ['当地时间周日，一栋居民楼起火，消防员正在救援'],
    ['叙利亚一市场遭空袭后起火，多人遇难'],
    ['Fire broke out at a market in Gaza after an airstrike, officials said'],
    ['House fire in Ohio kills two, firefighters say'],
    // An injury the writer tells as a circumstance, with nothing named as its cause.
    ['最近腿受伤了，只能让快递送上楼'],
    ['前几天手划伤了，洗碗不方便，点个外卖'],
    ['I hurt my back last week so I could not pick up the parcel'],
    ['Burned my hand cooking last night, so takeout tonight'],
    ['I injured my ankle last month so the delivery guy should bring it upstairs'],
  ])('not confident enough to open a ticket alone: "%s"', (text) => {
    expect(confidence(text, 'safety')).toBeLessThan(CONFIDENT_CUE);
  });

  it.each<[string]>([
    ['洗完头过敏了，如果不给退我就投诉'],
    ['I got food poisoning, and if you do not refund me I will report you'],
    ['我家热水器起火了，消防员都来了'],
    ['据报道，某品牌电动车充电时起火'],
    ['Fire broke out at the store after a phone battery exploded'],
    ['My kitchen fire started from the toaster, firefighters came'],
    ['快递箱子砸下来，孩子受伤了'],
    ['吃了你家的饼干，宝宝嘴巴划伤了'],
    ['The kettle burned my hand'],
    ['I burned my hand on your kettle'],
    ['I hurt my back lifting your 50 lb package'],
  ])('still a real safety incident: "%s"', (text) => {
    expect(confidence(text, 'safety')).toBeGreaterThanOrEqual(CONFIDENT_CUE);
  });
});

// The failure classes the held-out samples final6 and final7 showed (2026-12-07, cues-6, after they were
// scored): a fire told as the insured event of a bank's or an insurer's complaint, an upset stomach the
// writer puts down to the weather or a cold, "an explosion in views/sales", a finding denied a few
// words before the cue. Each class in zh and en where the language has the cue.
describe('risk cues: a claim\'s insured event, a cause no one sold, figurative explosions, denied findings', () => {
  const confidence = (text: string, kind: RiskCueKind) => Math.max(0, ...cues(text).filter((c) => c.kind === kind).map((c) => c.confidence ?? 1));

  it.each<[string]>([
    ['My home caught fire last year and the insurance company still has not paid the claim'],
    ['After the house fire, the mortgage servicer refused to release the insurance check'],
    ['房子起火后，银行还在催房贷，保险也不赔'],
    ['家里着火了，保险公司拖了三个月还不理赔'],
    ['由于天气温差大，有点感冒，还拉肚子'],
    ['昨晚着凉了，今天拉肚子，外卖就点了个粥'],
    ['My phone review video got an explosion in views today'],
    ['这款手机销量爆炸，根本抢不到'],
    ['检查了一下床面，没有发现头发等异物'],
    ['饭里没吃出什么异物，就是有点咸'],
  ])('not confident enough to open a ticket alone: "%s"', (text) => {
    expect(confidence(text, 'safety')).toBeLessThan(CONFIDENT_CUE);
  });

  it.each<[string]>([
    ['The charger caught fire and burned my kitchen; now the insurer refuses to pay'],
    ['充电宝起火把房子烧了，保险公司还不赔'],
    ['My house caught fire from the space heater you sold me'],
    ['吃了他家的外卖，晚上就拉肚子了'],
    ['饭里吃出了异物，头发一根'],
    ['手机爆炸了，差点伤到人'],
  ])('still a real safety incident: "%s"', (text) => {
    expect(confidence(text, 'safety')).toBeGreaterThanOrEqual(CONFIDENT_CUE);
  });
});

// Classes found in the held-out draw final8 (2026-12-07, cues-7): Chinese internet news (news
// reports of fires and accidents, safety advice, equipment names, bylines, gossip), and a hotline
// number read as a year. Each fails on the rules of 78436a3 unless said otherwise.
describe('risk cues: news reports, safety advice, equipment names, bylines, numbers that are dates', () => {
  const confidence = (text: string, kind: RiskCueKind) => Math.max(0, ...cues(text).filter((c) => c.kind === kind).map((c) => c.confidence ?? 1));

  it.each<[RiskCueKind, string]>([
    // A fire or an accident told as news, with no product, seller or service in it.
    ['safety', '昨晚村民家中突然起火，消防车赶到现场，民警对火势进行控制。'],
    ['safety', 'A house fire on Elm Street killed two people early Sunday, the fire marshal said.'],
    // Statistics and safety advice.
    ['safety', '每年由儿童玩火引起的火灾不在少数，家长要多加注意。'],
    ['safety', 'Every year kitchen fires injure thousands; here is how to prevent a kitchen fire.'],
    // The cue word names equipment, not a fire.
    ['safety', '公司主要产品包括电气火灾监控报警系统和消防设备。'],
    ['safety', 'We install electrical fire monitoring systems in factories.'],
    // A byline and press words about no organisation's problem.
    ['media', '本报记者刘宇琦报道 近日，法院判处被告人彭某有期徒刑5年。'],
    ['media', '据当地媒体报道，曼谷近期雾霾严重，官方称与邻国焚烧秸秆有关。'],
    ['media', '韩雪的私人化妆品曝光！少得可怜'],
    // (en: passes on the old rules too, English press words need the writer contacting the press.)
    ['media', 'By Jane Doe, staff reporter. Smog covered Bangkok this week, local media reported.'],
    // A birth year, a bus line: not the 1950 or 315 hotline (no English counterpart: the English triggers are names).
    ['regulator', '被告人孟某某，男，1950年8月21日出生，小学文化。'],
  ])('%s not confident enough to open a ticket alone: "%s"', (kind, text) => {
    expect(confidence(text, kind)).toBeLessThan(CONFIDENT_CUE);
  });

  it.each<[RiskCueKind, string]>([
    ['safety', '电动车充电时起火，消防员赶到现场扑救。'],
    ['safety', '载有43名游客的旅游大巴在高速上自燃，交警赶到现场。'],
    ['safety', 'The e-bike battery caught fire while charging, firefighters said.'],
    ['safety', '这个插座有火灾隐患，插上就冒火花'],
    ['safety', 'This heater is a fire hazard, it sparked twice'],
    ['safety', '结果当天晚上来家里吃饭的亲戚都食物中毒，店家一次医院都没去看望过'],
    ['media', '差评差评！！！媒体曝光！等着的,没完！'],
    ['media', '昨晚央视曝光了如东一家企业偷排高浓度废水'],
    ['media', '我要找记者曝光你们'],
    ['regulator', '打了1950热线投诉'],
  ])('%s still confident: "%s"', (kind, text) => {
    expect(confidence(text, kind)).toBeGreaterThanOrEqual(CONFIDENT_CUE);
  });
});

// Second round of cues-7, read off final9: "our city" in a news report, a news site's name and its
// "follow us" line, a report being gathered (接受记者采访), fire statistics, a counterpart brand
// counterfeited (被冒用). Each fails on the rules of b159412 unless said otherwise.
describe('risk cues: a local paper\'s "our city", site names, interviews, statistics, counterfeit brands', () => {
  const confidence = (text: string, kind: RiskCueKind) => Math.max(0, ...cues(text).filter((c) => c.kind === kind).map((c) => c.confidence ?? 1));

  it.each<[RiskCueKind, string]>([
    ['safety', '我市一居民楼发生火灾，消防赶到现场扑救。'],
    ['safety', 'A house fire in our town killed two people, the fire chief said.'],
    ['safety', '娄底一电工在高压电杆上触电身亡_手机新浪网。据相关消息报道，事发在昨天下午。'],
    ['safety', '春节期间全市火灾起数大幅减少'],
    ['media', '云霄命案监控视频曝光。关注我们，有话讲请留言'],
    ['media', '记者先后走访了工商银行、建设银行三明分行，其中农业银行婉拒了记者的采访。'],
    // (en: passes on b159412 too: "told reporters" never fired, the English cue needs the writer contacting the press.)
    ['media', 'The minister told reporters on Monday that prices would fall.'],
    // (no English counterpart: "counterfeit" is not a data-leak trigger.)
    ['data_leak', '广东省名牌电缆商标被冒用，侵权产品被转移'],
  ])('%s not confident enough to open a ticket alone: "%s"', (kind, text) => {
    expect(confidence(text, kind)).toBeLessThan(CONFIDENT_CUE);
  });

  it.each<[RiskCueKind, string]>([
    ['safety', '我家的电暖器昨晚起火了，消防来了才扑灭'],
    ['safety', 'Our heater caught fire last night and the fire department came'],
    ['safety', '主人为给猫取暖打开暖炉发生火灾，猫不幸身亡'],
    ['media', '我告诉记者了，明天就曝光你们'],
    ['data_leak', '我的身份证被冒用办了贷款'],
  ])('%s still confident: "%s"', (kind, text) => {
    expect(confidence(text, kind)).toBeGreaterThanOrEqual(CONFIDENT_CUE);
  });
});

describe('risk cues: zh data leak — property stolen, warnings, general remarks (cues-11)', () => {
  it.each([
    '商场里人多，她的钱包被盗了，里面有两百元',
    '地铁上扒手用刀片划包，一名乘客的手机被盗',
    '民警提醒：谨防盗号诈骗，陌生链接不要点',
    '警方提示，近期信用卡盗刷案件高发，请市民保管好卡片',
    '互联网时代隐私泄露频频发生，个人信息保护亟待加强',
    '恐泄露隐私，不少老人不愿登记身份信息',
  ])('not confident enough to open a ticket alone: "%s"', (text) => {
    expect(cues(text).find((c) => c.kind === 'data_leak')?.confidence ?? 0).toBeLessThan(CONFIDENT_CUE);
  });
  it.each([
    '我的钱包没丢，支付宝账号被盗了，余额全没了',
    '民警说我的银行卡被盗刷了三千元',
    '某快递公司数十万用户信息泄露，姓名电话住址被打包出售',
    '顾客反映，在这家网店下单后个人信息被卖，天天接到推销电话',
    '某快递公司500万用户信息泄露，警方提醒用户及时修改密码',
    '某银行客户信息泄露，存在被诈骗的风险',
  ])('still confident: "%s"', (text) => {
    expect(cues(text).find((c) => c.kind === 'data_leak')?.confidence ?? 0).toBeGreaterThanOrEqual(CONFIDENT_CUE);
  });
});
