/**
 * Context tests for risk cues: what around a matched word says it is not a risk after all
 * (negated, quoted, hypothetical, a title) or that it surely is (the writer's own experience).
 * Each returns a multiplier for the cue's confidence, so the reasons combine.
 */

const around = (t: string, s: number, e: number, before: number, after: number) =>
  t.slice(Math.max(0, s - before), Math.min(t.length, e + after));

export const windowTest = (re: RegExp, before = 12, after = 12) => (t: string, s: number, e: number) =>
  re.test(around(t, s, e, before, after));


const NEG_ZH = /(?:不|没|没有|无需|不用|不会|不想|别|未|不必|无|并未|从未|从来没)[^，。！？,.!?]{0,1}$/;
const NEG_EN = /\b(?:no|not|never|don't|dont|won't|wont|didn't|didnt|wasn't|wasnt|isn't|isnt|weren't|aren't|hasn't|haven't|without|no need to|nobody|no one)\s+(?:\w+\s+){0,2}$/i;

/** A negator right before the cue ("没找领导", "no need for a refund", "no one was injured"). */
export function negated(t: string, s: number, zh: boolean): boolean {
  const left = t.slice(Math.max(0, s - 20), s);
  return zh ? NEG_ZH.test(left) : NEG_EN.test(left);
}

/**
 * Inside a quotation, a book or film title or a hashtag: reported or named, not what happened
 * to the writer. Counted within the sentence: an opening mark with no closing one before the cue.
 */
export function quoted(t: string, s: number): boolean {
  const from = Math.max(0, s - 80);
  let open = 0;
  let ascii = 0;
  for (let i = s - 1; i >= from; i--) {
    const c = t[i]!;
    if ('。！？\n'.includes(c)) break;
    if (c === '《' || c === '“' || c === '「' || c === '『') open++;
    else if (c === '》' || c === '”' || c === '」' || c === '』') open--;
    else if (c === '"') ascii++;
  }
  return open > 0 || ascii % 2 === 1 || t[s - 1] === '#';
}

const HYPOTHETICAL_ZH = /(?:如果|要是|假如|万一|会不会|怕|担心|以免|以防|预防|防止|避免|可能会|估计|恐怕|小心|不然|否则|早就|怀疑|快要?|会|真想|本想|本来想|恨不得|迟早|早晚|总有一天|说不定|搞不好)[^，。！？,.!?]{0,10}$/;
const HYPOTHETICAL_EN = /\b(?:if|could|might|would|may|afraid|worried|in case|risk of|what if|imagine|pretend)\b[^.!?]{0,30}$/i;
// A prediction of harm ("someone will get food poisoning", "it's going to catch fire"). Not for the
// other kinds: "I'm going to report the fraudulent charges" is a real data leak.
const FUTURE_EN = /\b(?:will|going to|gonna|about to)\s+(?:\w+\s+){0,2}$/i;
// A condition after the cue in the same sentence: "对奶粉过敏，万一吃出问题谁负责", "food poisoning waiting to happen if…".
const CONDITION_AFTER_ZH = /如果|要是|假如|万一|的话|会不会/;
const CONDITION_AFTER_EN = /\b(?:if|unless|waiting to happen|one day|someday|sooner or later)\b/i;
// …unless the cue is told as having happened ("洗完头过敏了，如果不给退…", "I got food poisoning, and if you…").
const HAPPENED_ZH = /已经|导致|结果|竟然|居然|[吃喝用洗涂戴穿]了|[吃喝用洗涂戴穿]完/;
const HAPPENED_EN = /\b(?:got|had|have had|has had|gave|caused|was|were|after|again)\b/i;

/**
 * The match sits in a question nobody in it answers for the writer: "要曝光三元了么？", "will they go
 * public with the info before the Super Bowl?". A question with the writer as the one acting
 * ("你们是想让我找媒体吗？", "should I go to the press?") is left alone: that is a threat.
 */
export function speculativeQuestion(t: string, s: number, e: number, zh: boolean): boolean {
  if (zh) {
    const right = /^[^，。！!；;\n]{0,14}/.exec(t.slice(e, e + 15))?.[0] ?? '';
    const left = t.slice(Math.max(0, s - 15), s).split(/[，。！？!?；;\n]/).pop() ?? '';
    return /(?:吗|(?<![什怎那这多要])么|嘛)[？?]?$|[？?]/.test(right) && !/我/.test(left);
  }
  const start = Math.max(t.lastIndexOf('.', s), t.lastIndexOf('!', s), t.lastIndexOf('?', s - 1), t.lastIndexOf('\n', s)) + 1;
  const end = t.slice(e).search(/[.!?\n]/);
  if (end < 0 || t[e + end] !== '?') return false;
  return !/\b(?:i|i'm|i'll|we|we're|we'll|me|us)\b/i.test(t.slice(start, e + end));
}

/**
 * Said as a possibility, a fear, a prediction or a condition, not as something that happened:
 * the condition may come before the cue ("要是起火了", "this heater is going to catch fire") or
 * after it in the same sentence ("孩子对奶粉过敏，万一吃出问题谁负责？"). With e given (harm cues),
 * predictions and the sentence after the cue are read too, unless the cue is told as done (过敏了,
 * "I got food poisoning").
 */
export function hypothetical(t: string, s: number, zh: boolean, e?: number): boolean {
  const left = t.slice(Math.max(0, s - 40), s);
  if (zh ? HYPOTHETICAL_ZH.test(left) : HYPOTHETICAL_EN.test(left)) return true;
  if (e === undefined) return false;
  if (!zh && FUTURE_EN.test(left)) return true;
  const rest = (zh ? t.slice(e, e + 25) : t.slice(e, e + 60)).split(zh ? /[。！？!?\n]/ : /[.!?\n]/)[0] ?? '';
  if (!(zh ? CONDITION_AFTER_ZH : CONDITION_AFTER_EN).test(rest)) return false;
  if (zh) return !/^[了过]/.test(t.slice(e, e + 1)) && !HAPPENED_ZH.test(t.slice(Math.max(0, s - 12), s));
  return !HAPPENED_EN.test(left.split(/[.!?\n]/).pop() ?? '');
}

const FIRST_PERSON_EN = /\b(?:i|i'm|i've|my|me|we|our|us|mine|son|daughter|kid|kids|child|children|wife|husband|mom|dad|mother|father|baby)\b/i;
/** The writer or their family appears near the cue: their own experience, not news. */
export const firstPersonEn = (t: string, s: number, e: number) => FIRST_PERSON_EN.test(around(t, s, e, 60, 40));

const STORY_ZH = /这本书|本书|此书|小说|故事|剧情|情节|主角|主人公|电视剧|电影|作者|书中|书里|读完|看完这/;
const STORY_EN = /\b(?:novel|the book|this book|movie|film|the plot|character|episode|chapter|author|season finale|tv show)\b/i;
/** A book, film or story review: what happens in it did not happen to the writer. */
export const storyContext = (t: string, s: number, e: number, zh: boolean) => (zh ? STORY_ZH : STORY_EN).test(around(t, s, e, 120, 80));

/** A simile in the clause ("像要爆炸了一样", "跟…似的"): a comparison, not an event. */
export function simileZh(t: string, s: number, e: number): boolean {
  const left = t.slice(Math.max(0, s - 10), s).split(/[，。！？,.!?]/).pop() ?? '';
  const right = t.slice(e, e + 6).split(/[，。！？,.!?]/)[0] ?? '';
  return /像|好像|仿佛|好比|犹如/.test(left) && /一样|似的|般/.test(right) || /^[了的]?(?:一样|似的|般)/.test(right) && /像|跟|和/.test(left);
}

const MEDICAL_HISTORY_EN = /\b(?:from birth|on the job|at work|work(?:place)? injur\w*|workers'? comp\w*|knee|acl|back injur\w*|lower back|surgery|disabilit\w*|chronic|years ago|radiation|chemo\w*|seizures?|physical therapy|rehab\w*|fibromyalgia|car accident|auto accident)\b/i;
/** An injury told as the writer's medical history (a work accident, a surgery), not one a product or service caused. */
export const medicalHistoryEn = (t: string, s: number, e: number) => MEDICAL_HISTORY_EN.test(around(t, s, e, 80, 60));

// ——— whose harm is it: a product, a service or a brand, or life in general ———

const PRODUCT_EN = /\b(?:product|item|brand|company|store|shop|restaurant|cafe|hotel|airline|flight|plane|train|bus|taxi|uber|lyft|driver|staff|employee|delivery|order|meal|food|dish|salad|burger|chicken|sandwich|pizza|snack|drink|milk|juice|coffee|bought|purchased|ordered|served|drug|medication|medicine|meds?|pills?|tablets?|vaccine|shot|patch|dose|cream|lotion|shampoo|conditioner|soap|detergent|makeup|perfume|dye|sunscreen|supplement|formula|toy|mattress|this stuff|ate|eating|eat|drank|drinking|used|using|applied|applying|wore|wearing|(?:took|taking|started|after) (?:this|these|it|the)|after (?:eating|using|drinking|applying))\b/i;
/**
 * A product, a service or a company is in the sentence around the cue: what it did can be the
 * company's risk. "An extreme allergic reaction to something", "sick of the accidents, injuries,
 * deaths": harm with no one's product in it is the writer's life, not a ticket.
 */
export const productInvolvedEn = (t: string, s: number, e: number, device: RegExp) => {
  const win = around(t, s, e, 80, 60);
  return PRODUCT_EN.test(win) || device.test(win);
};

const PRODUCT_ZH = /用|洗|吃|喝|穿|戴|涂|抹|擦|敷|买|产品|这款|这个|该款|牌子|品牌|包装|店|酒店|餐|外卖|饭|菜|奶|药|霜|液|乳|膏|洗发水|护肤|化妆|油|奶粉|粉底|洗衣粉|衣|裤|鞋|床|用具|服务|做了|SPA|spa|京东|快递|骑手|司机|公交|地铁|列车|高铁|航班|飞机|网约车|出租车|客车|大巴|滴滴/;
/** The Chinese counterpart of productInvolvedEn: 洗了过敏 or 对香菜过敏 (a dish served), not 花粉过敏. */
export const productInvolvedZh = (t: string, s: number, e: number) => PRODUCT_ZH.test(around(t, s, e, 30, 15));

const GENERAL_HARM_EN = /\b(?:reduc\w+|prevent\w*|fewer|cut(?:s|ting)? (?:down )?(?:on )?|avoid\w*|number of|rates? of|risk of|statistics?|studies|study|per year|a year|annually|every year|projected|estimated|sick of|tired of|all the time)\b|\d+\s?%/i;
/**
 * A statement about harm in general (a statistic, a trend, a complaint about life: "reduce injuries
 * by 90 %", "sick of the accidents, injuries, deaths"), not one incident that happened to someone.
 */
export const generalHarmEn = (t: string, s: number, e: number) => GENERAL_HARM_EN.test(around(t, s, e, 50, 30));

const ROAD_ACCIDENT_ZH = /车祸|交通事故|撞车|追尾|连环撞|酒驾|肇事|翻车/;
const SERVICE_ZH = /公交|地铁|列车|高铁|火车|动车|航班|飞机|网约车|滴滴|出租车|客车|大巴|校车|外卖|骑手|快递|司机|刹车|气囊|安全带|轮胎|自燃|质量|4S店|召回/;
/** 车祸新闻: a road accident told as news, with no service, vehicle fault or company in it (a bus, a ride, a recall would be). */
export const roadAccidentZh = (t: string, s: number, e: number) => {
  const win = around(t, s, e, 40, 30);
  return ROAD_ACCIDENT_ZH.test(win) && !SERVICE_ZH.test(win);
};

// ——— what leaked: personal data, or news ———

const PERSONAL_DATA_EN = /\b(?:personal (?:data|information|info|details)|(?:customer|user|client|member|patient|account|guest|employee|subscriber)s?'? (?:data|information|info|details|records|e-?mails?|names|addresses|passwords?|accounts?)|passwords?|credit cards?|card (?:numbers?|details)|bank (?:details|account)|ssns?|social security|e-?mail address(?:es)?|phone numbers?|home address(?:es)?|medical records|nudes|private (?:photos|pictures)|(?:my|our|your|his|her|their) (?:own )?(?:personal |private )?(?:data|info|information|details|photos|pictures|number|address|e-?mails?|accounts?|records|identity|id))\b/i;
/**
 * Personal data is what leaked: customers' records, passwords, card numbers, someone's own details.
 * "Sources leaked that info", "leaking information to suppliers", "leaked photos of the Galaxy S8"
 * are news or plans leaked by people: not a data leak.
 */
export const personalDataEn = (t: string, s: number, e: number) => PERSONAL_DATA_EN.test(around(t, s, e, 50, 50));

const PERSONAL_DATA_ZH = /个人|用户|客户|顾客|会员|业主|住户|我的|我们的|他的|她的|手机号|电话号码|身份证|住址|家庭地址|地址|密码|账号|帐号|银行卡|订单|购买记录|买的东西|姓名|名字|隐私|联系方式|入住信息/;
const NEWS_LEAK_ZH = /内部消息|内幕|消息|机密|剧透|剧情|结局|谍照|爆料|新品|新机|配置|参数|发布会|设计图|渲染图|路透|考题|试题|答案|计划|方案|文件/;
/** 用户信息泄露 is a data leak; 内部消息泄露, 剧透, 新机谍照泄露 are news leaked by people. Returns personal, news, or neither. */
export function leakedWhatZh(t: string, s: number, e: number): 'personal' | 'news' | 'other' {
  const win = around(t, s, e, 12, 10);
  if (PERSONAL_DATA_ZH.test(win)) return 'personal';
  return NEWS_LEAK_ZH.test(win) ? 'news' : 'other';
}

// ——— a joke about a hacked account ———

const GUESS_EN = /\b(?:pretty (?:sure|positive)|must have|must've|i swear|i bet|convinced|clearly|obviously|i think|i'm sure|someone (?:must|has to))\b/i;
const PRAISE_EN = /\b(?:perfect|love|loving|amazing|awesome|exactly|so good|genius|spot on|nailed)\b/i;
const HARM_EN = /\b(?:password|charges?|charged|money|stole|stolen|locked out|spam\w*|posted|sent (?:messages|emails)|unauthori[sz]ed|fraud\w*|bank|card|security|changed|compromised|recover\w*|support|help|scam\w*)\b/i;
const GUESS_ZH = /是不是|肯定是|一定是|难道|莫非|感觉|怀疑|估计/;
const PRAISE_ZH = /喜欢|爱听|太懂我|懂我|太准|好准|好听|完美|神了|哈哈|笑死/;
const HARM_ZH = /钱|余额|消费|扣|改密码|密码|登录不了|登不上|找回|诈骗|骗|发消息|借钱|冻结|盗刷|客服/;
/**
 * "Pretty positive the makers of the lineup hacked into my Spotify account. It's so perfect":
 * a guess said as praise, with nothing lost, is a joke; an account taken over is a data leak
 * (data/README.md) when something was done with it or someone says so plainly.
 */
export function jokingTakeover(t: string, s: number, e: number, zh: boolean): boolean {
  const win = around(t, s, e, 80, 80);
  return zh ? GUESS_ZH.test(win) && PRAISE_ZH.test(win) && !HARM_ZH.test(win) : GUESS_EN.test(win) && PRAISE_EN.test(win) && !HARM_EN.test(win);
}

// ——— news of war, disaster or an accident nobody's product caused ———

// A news report's own words (final8, 2026-12-07: every wrong safety and media fire of the Chinese
// news was one): bylines and datelines, the fire brigade, the police, the dead and hurt counted.
const NEWS_REPORT_ZH = /原标题|本报讯|本报记者|通讯员|记者\s?[\u4e00-\u9fa5]{2,3}(?:报道|摄)|[（(]记者|据[^，。！？]{0,12}(?:报道|通报|介绍|了解)|日电|中新网|消防|民警|交警|接警|报警|火势|火情|扑救|通报|警戒|事故|目击者|事发|当场死亡|身亡|\d+死|[一二两三四五六七八九十]+死|死亡|近日|日前|网友爆料/;
const DISASTER_NEWS_ZH = new RegExp(`战争|战火|士兵|军队|袭击|空袭|轰炸|导弹|炮击|恐怖|冲突|枪击|遇难|阵亡|伤亡|地震|洪水|洪灾|台风|山火|森林火灾|山林火灾|泥石流|救援|据报道|据悉|当地时间|警方|新华社|死亡人数|遇难者|死者|伤者|交通事故|${NEWS_REPORT_ZH.source}`);
// 我市, 我国, 我县: a news report's "our city", not a writer telling what happened to them.
const FIRST_PERSON_ZH = '我(?![市县区省国镇乡校院局])';
const WRITER_ZH = new RegExp(`${FIRST_PERSON_ZH}|俺|咱`);
// A news site's or a channel's own name and its "follow us" line are not the writer or a product:
// 手机新浪网 (no phone), 点击关注我们 (no first person).
const SITE_BOILERPLATE_ZH = /手机(?:新浪|网易|搜狐|凤凰|腾讯)?网|(?:点击|长按|欢迎)?(?:关注|订阅|联系|添加)(?:我们|我)(?:哟|吧)?|有话讲请留言/g;
const plain = (win: string) => win.replace(SITE_BOILERPLATE_ZH, ' ');
// A product, a seller, a service or a place open to the public that the harm is put down to.
const FAULT_ZH = /电池|充电|手机|电器|热水器|燃气灶|取暖器|电暖|暖炉|电热毯|烤火炉|电动车|质量|产品|召回|缺陷|故障|品牌|厂家|商家|店家|外卖|快递|自燃|航班|列车|高铁|公交|地铁|大巴|客车|旅游|游客|乘客|餐厅|餐吧|酒吧|饭店|酒楼|酒店|宾馆|商场|网吧|KTV|营业场所/;
const DISASTER_NEWS_EN = /\b(?:air ?strikes?|missiles?|shelling|bomb\w*|troops|soldiers?|militants?|occupied|war|invasion|gunfire|earthquake|wildfires?|hurricane|tornado|floods?|flooding|tsunami|firefighters?|fire (?:crews?|department|officials|marshal|chief|investigators?)|blaze|(?:officials|police|authorities|witnesses|investigators|deputies) (?:said|say|says|reported)|according to (?:police|officials|authorities|investigators|reports|local media)|death toll|casualties|killed|died|dead|hospitali[sz]ed|evacuat\w*)\b/i;
// "Our town", "our county": a local paper's voice, not the writer's own experience.
const WRITER_EN = /\b(?:i|i'm|i've|my|me|we|us)\b|\bour\b(?!\s+(?:city|town|county|state|country|nation|region|community|area)\b)/i;
const FAULT_EN = /\b(?:battery|batteries|charger|phone|laptop|e-?cig\w*|vape|hoverboard|scooter|appliance|heater|dryer|washer|toaster|fridge|airbag|recall\w*|defect\w*|faulty|malfunction\w*|caused by|blamed on|product|brand|company|airline|flight|restaurant|hotel|store)\b|@\w+/i;
/**
 * A report of war, a disaster, an emergency or an accident ("Fire broke out in shops in occupied…",
 * "居民楼起火，消防员正在救援", "村民家中失火，交警大队民警赶赴现场", "A house fire killed two, the fire
 * marshal said") with neither the writer nor anyone's product, service or premises in it: news, not
 * a brand's safety incident. A fire from a charging e-bike, a bus that self-ignites with tourists on
 * board, food poisoning from a restaurant, a fire at the writer's home stay.
 */
export function disasterNews(t: string, s: number, e: number, zh: boolean): boolean {
  const win = around(t, s, e, 100, 100);
  const zhWin = zh ? plain(win) : '';
  return zh
    ? DISASTER_NEWS_ZH.test(zhWin) && !WRITER_ZH.test(zhWin) && !FAULT_ZH.test(zhWin)
    : DISASTER_NEWS_EN.test(win) && !WRITER_EN.test(win) && !FAULT_EN.test(win);
}

const GENERAL_SAFETY_ZH = /每年|据统计|统计|起数|同比|环比|多发|高发|频发|如何(?:逃生|预防|防范|避免|应对|处置)|怎么(?:预防|逃生|防范|避免)|应急处置|处置原则|(?:分类|划分)标准|类别|逃生|演练|安全知识|安全教育|安全常识|科普|严禁|禁令|防范|注意事项|小常识|小知识/;
const GENERAL_SAFETY_EN = /\b(?:every year|each year|per year|annually|statistics?|studies|how to (?:prevent|avoid|escape|survive|stay safe)|safety tips|tips (?:for|on)|fire safety|fire drills?|prevention|leading cause)\b/i;
/**
 * Harm spoken of in general: a statistic, safety advice, a standard's list of accident kinds ("每年由
 * 儿童玩火引起的火灾", "高层建筑火灾，应该如何逃生", "how to prevent a kitchen fire"), not an incident that
 * happened to someone.
 */
export const generalSafety = (t: string, s: number, e: number, zh: boolean) => (zh ? GENERAL_SAFETY_ZH : GENERAL_SAFETY_EN).test(around(t, s, e, 40, 30));

/**
 * The cue word names a kind of equipment, service or rule, not an event: 电气火灾监控报警系统, 火灾保险,
 * "electrical fire monitoring systems". A hazard (火灾隐患, "a fire hazard") is not in this list: it is a danger.
 */
export const termModifier = (t: string, e: number, zh: boolean) =>
  zh
    ? /^(?:监控|报警|探测|预警|保险|防控|防范|逃生|演练|应急|等级|类别|自动|防护|防治|监测|知识|常识|标准|事故应急)/.test(t.slice(e, e + 4))
    : /^\s+(?:detection|detectors?|alarms?|monitoring|prevention|protection|suppression|safety|insurance|extinguishers?|drills?|codes?|training)\b/i.test(t.slice(e, e + 16));

// ——— press words in a news report, not a threat to go to the press ———

const BYLINE_ZH = /^\s?[\u4e00-\u9fa5]{2,3}\s?(?:报道|摄|[）)])|^从/;
/** 本报记者刘宇琦报道, （记者 杨毅）, 记者从市文广局了解到: the report's own credit line, not the press called in. */
export const bylineZh = (t: string, s: number, e: number) => /(?:本报|本台|本刊|通讯员|特约|见习|[（(])\s?$/.test(t.slice(Math.max(0, s - 4), s)) || BYLINE_ZH.test(t.slice(e, e + 6));

const WRITER_OR_ADDRESSEE_ZH = new RegExp(`${WRITER_ZH.source}|你们|你家|你司|贵司|贵公司`);
const FIRST_PERSON_ONLY_ZH = new RegExp(FIRST_PERSON_ZH);
// An organisation with a problem the press could expose: a firm, a shop, a platform, a hospital or
// school, an industry's malpractice, a scam, pollution; or a customer's complaint (差评, 客服, 退款).
const ORGANISATION_PROBLEM_ZH = /企业|公司|商家|品牌|平台|厂|店|产品|行业|医院|学校|幼儿园|银行|机构|骗局|骗|黑幕|乱象|偷排|排污|污染|质量|投诉|维权|欺诈|假货|坑|黑心|消费者|顾客|用户|业主|差评|卖家|客服|退款|退货|送餐|骑手|外卖|快递|商品|服务|售后/;
/**
 * A Chinese post where the press or an exposure ("曝光", "媒体报道", "告诉记者") concerns neither the
 * writer (我, 你们) nor an organisation's problem: celebrity gossip, a suspect's identity, the police
 * naming traffic offenders, a smog or wildfire story "reported by local media". Not a media risk.
 */
export const pressWithoutOrganisationZh = (t: string, s: number, e: number) => {
  const win = around(t, s, e, 60, 60);
  return !WRITER_OR_ADDRESSEE_ZH.test(plain(around(t, s, e, 100, 100))) && !ORGANISATION_PROBLEM_ZH.test(win);
};

/**
 * 接受记者采访, 告诉记者, 记者走访了…, 记者在采访中了解到: how a report was gathered, said of someone
 * other than the writer (我告诉记者 stays: the writer went to the press).
 */
export const pressInterviewZh = (t: string, s: number, e: number) => {
  const clause = t.slice(Math.max(0, s - 20), s).split(/[，。！？,.!?；;\n]/).pop() ?? '';
  return (/(?:接受|面对|婉拒了?|告诉|对)[^，。！？]{0,10}$/.test(clause) && !FIRST_PERSON_ONLY_ZH.test(clause)) || /^(?:的)?(?:采访|先后走访|走访|了解到|获悉|在采访中|从)/.test(t.slice(e, e + 5));
};

// ——— an injury with no cause: the writer's circumstance, not what a product did ———

const CAUSE_ZH = /被|让|把|给|导致|害|弄|造成|砸|撞|割|扎|夹|烫|刮|摔|滑|碰|掉|倒|爆|炸|时候|用|吃|喝|戴|穿|涂|洗|质量|产品|商品|包装|箱|骑手|司机|店|酒店|服务员|车祸|事故|出事|坐|乘/;
/**
 * 受伤, 划伤, 出血 count when something did it (被…划伤, 快递箱砸下来…受伤, 吃了…嘴巴划伤) in its clause
 * or the one before. "最近腿受伤了，只能让快递送上楼": the injury is why the writer wants a service, no
 * product caused it.
 */
export function harmWithCauseZh(t: string, s: number, e: number): boolean {
  const clauses = t.slice(Math.max(0, s - 30), s).split(/[，。！？,.!?；;\n]/);
  const left = clauses.slice(-2).join('');
  const right = t.slice(e, e + 8).split(/[，。！？,.!?；;\n]/)[0] ?? '';
  return CAUSE_ZH.test(left + right);
}

const SELF_SUBJECT_EN = /(?:^|[.!?,;:\n]\s*|\b(?:i|we|he|she|they|i've|i have|i just|just|accidentally)\s+)$/i;
const CAUSE_AFTER_EN = /^[^.!?\n]{0,40}?\b(?:on|from|by|with|using|because of|due to|when|while|after|lifting|opening|carrying|trying)\b/i;
/**
 * "I hurt my back last week so I couldn't pick up the parcel", "Burned my hand cooking": a person
 * did it to themself and nothing is named as the cause. "The kettle burned my hand", "I burned my
 * hand on your kettle", "hurt my back lifting your package" keep their cause.
 */
export function selfHarmNoCauseEn(t: string, s: number, e: number): boolean {
  return SELF_SUBJECT_EN.test(t.slice(Math.max(0, s - 20), s)) && !CAUSE_AFTER_EN.test(t.slice(e, e + 60));
}

// ——— harm as the background of an insurance or loan claim ———

const CLAIM_EN = /\b(?:insurance|insurer|adjuster|claims?|mortgage|servicer|escrow|loan|payout|forbearance|fema)\b/i;
const CLAIM_ZH = /保险|理赔|定损|保单|房贷|贷款|按揭|银行/;
const PRODUCT_FAULT_EN = /\b(?:battery|batteries|charger|phone|laptop|e-?cig\w*|vape|hoverboard|scooter|appliance|heater|dryer|washer|toaster|fridge|stove|oven|microwave|airbag|wiring|recall\w*|defect\w*|faulty|malfunction\w*|caused by|sold (?:me|us)|bought)\b/i;
const PRODUCT_FAULT_ZH = /电池|充电|手机|电器|热水器|燃气灶|电动车|电暖|插座|插头|电线|质量|产品|召回|缺陷|故障|品牌|厂家|商家|自燃|买的/;
/**
 * "My home caught fire and the insurer still has not paid", 房子起火后保险也不赔: the fire is the
 * insured event behind a bank's or an insurer's complaint, not something their product did. A
 * charger or a heater that started it keeps the cue.
 */
export function claimBackground(t: string, s: number, e: number, zh: boolean): boolean {
  const win = around(t, s, e, 150, 150);
  return zh ? CLAIM_ZH.test(win) && !PRODUCT_FAULT_ZH.test(win) : CLAIM_EN.test(win) && !PRODUCT_FAULT_EN.test(win);
}

// ——— an upset stomach the writer puts down to the weather or a cold ———

const OWN_CAUSE_ZH = /着凉|受凉|感冒|天气|温差|水土不服|冻坏|冻着|空调|发烧|肠胃不好|体质/;
const EATEN_ZH = /吃|喝|食|饭|菜|奶|肉|外卖|餐|店|买/;
/** 有点感冒，还拉肚子 / 着凉了，今天拉肚子: a cause the writer names that is no one's food or product. */
export const ownCauseZh = (t: string, s: number) => {
  const left = t.slice(Math.max(0, s - 25), s);
  return OWN_CAUSE_ZH.test(left) && !EATEN_ZH.test(left);
};

/** 没有发现头发等异物, 没吃出什么异物: a finding denied a few words before the cue, in its clause. */
export const deniedFindingZh = (t: string, s: number) => /(?:没有?|未|并未|从未|无)(?:发现|吃出|看到|见到|找到)[^，。！？,.!?]{0,12}$/.test(t.slice(Math.max(0, s - 20), s));
