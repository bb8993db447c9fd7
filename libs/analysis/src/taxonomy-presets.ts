/**
 * Ready-made complaint taxonomies a watch can start from (and edit). Keywords are matched as
 * written (ASCII ones on word boundaries); the examples are posts we wrote for each category,
 * not taken from any evaluation set: their distinctive words count as weaker keywords
 * (categories.ts). Category ids are what tickets, bursts and search filters key on.
 */
export interface CategoryDef {
  id: string;
  /** Chinese (simplified) and English keywords; ASCII keywords match on word boundaries. */
  keywords: string[];
  /** A handful of posts of this kind; their words specific to this category count as weaker keywords. */
  examples?: string[];
  name?: { zh: string; en: string };
}

/** Retail, e-commerce and food delivery: the seed taxonomy (产品质量、服务态度、物流配送、功能故障、计费争议、信息安全 and two more). */
export const DEFAULT_TAXONOMY: CategoryDef[] = [
  {
    id: 'product_quality',
    name: { zh: '产品质量', en: 'Product quality' },
    keywords: ['质量', '做工', '破损', '损坏', '坏了', '坏掉', '变质', '过期', '异味', '发霉', '假货', '劣质', '次品', '瑕疵', '掉色', '起球', '开线', '难吃', '不新鲜', '变味', '口味', '味道', '凉了', '太咸', '分量', '量少', '头发', '虫子', '漏液', '裂了',
    'quality', 'broken', 'defective', 'damaged', 'stale', 'expired', 'cheaply made', 'fell apart', 'flimsy', 'poor quality', 'taste', 'tasteless', 'bland', 'cold food', 'spoiled', 'counterfeit', 'fake', 'stopped working', 'doesn\'t work'],
    examples: ['收到的衣服线头很多，洗一次就缩水了', '外卖的菜是馊的，吃了一口就吐了', 'The shoes started peeling after two days of wearing them', 'The milk tasted sour even though it was within the date'],
  },
  {
    id: 'logistics',
    name: { zh: '物流配送', en: 'Delivery and logistics' },
    keywords: ['物流', '快递', '配送', '送餐', '送货', '发货', '骑手', '外卖员', '快递员', '送达', '送到', '太慢', '超时', '迟到', '延误', '没送到', '送错', '漏送', '少送', '洒了', '撒了', '丢件', '签收', '包装', '等了',
    'delivery', 'delivered', 'shipping', 'shipped', 'courier', 'package', 'parcel', 'tracking', 'late', 'delayed', 'never arrived', 'lost package', 'driver', 'wrong order', 'missing item'],
    examples: ['下单两个小时了骑手还在原地不动', '快递显示已签收但我根本没收到', 'My order has been stuck in transit for a week with no tracking update', 'The courier left the box in the rain outside the building'],
  },
  {
    id: 'service_attitude',
    name: { zh: '服务态度', en: 'Service attitude' },
    keywords: ['客服', '态度', '服务', '不理', '不回复', '敷衍', '推诿', '踢皮球', '骂人', '凶', '不耐烦', '爱答不理', '商家', '店员', '服务员', '没人管', '没人理',
    'customer service', 'support', 'rude', 'staff', 'attitude', 'agent', 'representative', 'no response', 'ignored', 'unhelpful', 'hung up', 'waiter', 'waitress', 'service'],
    examples: ['打了三次客服电话都说会回电，结果没人联系我', '店家回复很不客气，还说是我的问题', 'The agent kept transferring me and nobody could answer my question', 'The manager laughed at me when I complained'],
  },
  {
    id: 'billing_refund',
    name: { zh: '计费争议', en: 'Billing and refunds' },
    keywords: ['退款', '退钱', '扣费', '扣款', '乱收费', '多收', '收费', '账单', '发票', '赔偿', '退货', '重复扣', '自动续费', '押金', '余额',
    'refund', 'charge', 'charged', 'billing', 'bill', 'invoice', 'fee', 'fees', 'overcharged', 'payment', 'money back', 'double charged', 'subscription', 'chargeback', 'interest'],
    examples: ['取消订单三天了钱还没退回来', '明明没下单却被扣了钱', 'I returned the item a month ago and still have not got my refund', 'They charged my card twice for the same order'],
  },
  {
    id: 'function_bug',
    name: { zh: '功能故障', en: 'App and function faults' },
    keywords: ['闪退', '卡顿', '死机', 'bug', '打不开', '无法使用', '用不了', '黑屏', '白屏', '报错', '崩溃', '加载不出', '更新后', '无响应', '失灵', '连不上', '断网',
    'crash', 'crashes', 'crashed', 'bug', 'bugs', 'glitch', 'error', 'freezes', 'frozen', 'not working', 'won\'t load', 'doesn\'t load', 'update', 'app', 'broken feature', 'lag', 'laggy'],
    examples: ['APP付款页面一直转圈，付不了钱', '新版本地址保存不了，一点就退出', 'The checkout button does nothing after the latest version', 'Notifications stopped working and the map keeps freezing'],
  },
  {
    id: 'security_privacy',
    name: { zh: '信息安全', en: 'Security and privacy' },
    keywords: ['泄露', '泄漏', '隐私', '盗刷', '被盗', '盗号', '诈骗', '骚扰电话', '信息安全', '个人信息', '冒用', '账户异常',
    'privacy', 'leak', 'leaked', 'breach', 'hacked', 'stolen', 'fraud', 'identity theft', 'scam', 'phishing', 'unauthorized', 'personal information', 'security'],
    examples: ['刚下单就接到自称客服的诈骗电话，对方知道我的订单信息', '账号被人登录了还用我的余额下单', 'Someone used my saved card to place orders I never made', 'I started getting spam calls that knew my home address right after ordering'],
  },
  {
    id: 'price_promotion',
    name: { zh: '价格促销', en: 'Prices and promotions' },
    keywords: ['价格', '太贵', '涨价', '降价', '优惠', '优惠券', '满减', '促销', '活动', '红包', '差价', '价保', '套路', '虚假宣传', '性价比',
    'price', 'expensive', 'overpriced', 'discount', 'coupon', 'promo', 'promotion', 'deal', 'price match', 'misleading ad', 'advertising', 'false advertising'],
    examples: ['页面写着满50减20，结算时却没有减', '同样的东西会员价比非会员还贵', 'The discount code disappeared at checkout', 'They raised the delivery fee without telling anyone'],
  },
  {
    id: 'account_login',
    name: { zh: '账号登录', en: 'Account and login' },
    keywords: ['登录', '登陆', '账号', '帐号', '密码', '验证码', '注册', '注销', '封号', '冻结', '解绑', '实名',
    'login', 'log in', 'sign in', 'account', 'password', 'verification code', 'locked out', 'suspended', 'banned', 'two-factor', '2fa', 'username'],
    examples: ['换了手机号后账号找不回来了', '收不到短信验证码，一直登不上', 'My account was suspended without any explanation', 'I keep getting logged out and the reset link never arrives'],
  },
];

/** Airlines and travel: delays, cancellations, baggage, booking, staff, refunds, the cabin, safety. */
export const AIRLINE_TAXONOMY: CategoryDef[] = [
  {
    id: 'flight_delay',
    name: { zh: '航班延误', en: 'Flight delays' },
    keywords: ['延误', '晚点', '延迟', '误点', '推迟', '备降', '滞留', '机上等了', '等了', '一直没起飞', '没起飞', '错过转机', '赶不上转机', 'delay', 'delays', 'delayed', 'late', 'running late', 'hours late', 'stuck at the airport', 'stuck on the plane', 'tarmac', 'still waiting', 'waiting at the gate', 'missed my connection', 'missed connection', 'missed our connection', 'diverted', 'not on time', 'never on time'],
    examples: ['航班延误了五个小时，一直没有人出来解释', '登机后在飞机上坐了三个小时还没起飞', '因为晚点错过了转机，只能在机场过夜', 'Our flight has been pushed back three times and the board still says delayed', 'Sat on the tarmac for two hours with no update from the captain', 'The late departure made me miss my connecting flight home'],
  },
  {
    id: 'flight_cancellation',
    name: { zh: '航班取消', en: 'Cancellations and denied boarding' },
    keywords: ['取消', '航班取消', '被取消', '停飞', '超售', '拒绝登机', '没能登机', 'cancelled', 'canceled', 'cancellation', 'cancellations', 'cancel', 'grounded', 'overbooked', 'oversold', 'bumped', 'denied boarding', 'rebooked', 'rebooking'],
    examples: ['航班临时取消，只发了条短信就不管了', '超售被拒绝登机，改到第二天的航班', 'The airline cancelled our flight the night before and offered nothing until Thursday', 'I was bumped from an overbooked flight even though I checked in early', 'Flight canceled at the gate and the rebooking line is three hours long'],
  },
  {
    id: 'baggage',
    name: { zh: '行李问题', en: 'Baggage' },
    keywords: ['行李', '托运', '行李箱', '箱子', '丢件', '行李丢', '行李损坏', '行李延误', '超重', '行李额', '转盘', 'baggage', 'luggage', 'bag', 'bags', 'suitcase', 'suitcases', 'checked bag', 'lost bag', 'carry-on', 'carry on', 'overhead bin', 'baggage claim', 'bag fee', 'baggage fee'],
    examples: ['托运的箱子到了目的地却没出来，查了三天还没找到', '行李箱轮子被摔断了，柜台说不赔', '超重两公斤就收了几百块', 'My suitcase never showed up at the carousel and nobody can tell me where it is', 'They broke the handle of my checked bag and refused to take a claim', 'Charged fifty dollars for a carry on that fit the sizer'],
  },
  {
    id: 'booking_checkin',
    name: { zh: '订票值机', en: 'Booking and check-in' },
    keywords: ['订票', '购票', '机票', '出票', '改签', '值机', '选座', '座位', '登机牌', '官网', '订单', '里程', '积分', '会员', '升舱', 'booking', 'book', 'booked', 'reservation', 'ticket', 'tickets', 'check-in', 'check in', 'checkin', 'online check', 'boarding pass', 'seat', 'seats', 'seat assignment', 'upgrade', 'website', 'miles', 'frequent flyer', 'change fee', 'change my flight', 'kiosk'],
    examples: ['官网订完票一直显示未出票，钱已经扣了', '想改签到早一班，系统一直报错', '网上值机选不了座位，到柜台说已经满了', 'The website charged me but my reservation never appeared in my trips', 'Online check in kept failing so I had to queue at the airport', 'They moved my seat assignment and split me from my kids'],
  },
  {
    id: 'staff_service',
    name: { zh: '服务态度', en: 'Staff and service' },
    keywords: ['空乘', '空姐', '乘务员', '地勤', '柜台', '客服', '态度', '服务', '工作人员', '机长', '没人管', '没人理', '打不通', 'staff', 'crew', 'flight attendant', 'flight attendants', 'attendant', 'gate agent', 'agent', 'agents', 'pilot', 'rude', 'customer service', 'service', 'attitude', 'unhelpful', 'on hold', 'call center', 'ignored', 'nobody'],
    examples: ['地勤工作人员态度很差，问什么都不耐烦', '客服电话打了一个小时都打不进去', '乘务员对老人说话很凶', 'The gate agent yelled at passengers who asked about the delay', 'Customer service kept me on hold for ninety minutes and then hung up', 'The crew ignored my call button for the whole flight'],
  },
  {
    id: 'refund_compensation',
    name: { zh: '退票退款', en: 'Refunds and compensation' },
    keywords: ['退票', '退款', '退钱', '赔偿', '补偿', '手续费', '退改', '不给退', '代金券', 'refund', 'refunds', 'refunded', 'compensation', 'compensate', 'voucher', 'vouchers', 'reimburse', 'reimbursement', 'money back', 'travel credit', 'credit', 'chargeback'],
    examples: ['航班取消了申请退票两个月还没退款', '延误六小时一分钱补偿都没有', '退票手续费扣了票价的一半', 'They cancelled my flight and will only offer a voucher instead of a refund', 'Still waiting on the reimbursement for my hotel after the cancellation', 'I was promised compensation at the desk but the claim was rejected'],
  },
  {
    id: 'inflight_experience',
    name: { zh: '机上体验', en: 'In-flight experience' },
    keywords: ['飞机餐', '餐食', '座椅', '空调', '太冷', '太热', '娱乐', '厕所', '卫生间', '异味', '脏', 'wifi', 'wi-fi', 'food', 'meal', 'meals', 'snack', 'snacks', 'drinks', 'legroom', 'entertainment', 'dirty', 'cabin', 'toilet', 'lavatory', 'smell'],
    examples: ['飞机餐是冷的，还有一股怪味', '座椅坏了靠背放不下来，飞了五个小时', 'The wifi I paid for never worked during the flight', 'Twelve hours with no entertainment and a broken seat', 'The cabin was filthy and the toilets were out of paper'],
  },
  {
    id: 'flight_safety',
    name: { zh: '飞行安全', en: 'Safety' },
    keywords: ['安全', '颠簸', '迫降', '紧急', '故障', '冒烟', '发动机', '返航', 'safety', 'unsafe', 'emergency', 'emergency landing', 'turbulence', 'engine', 'smoke', 'maintenance', 'mechanical', 'evacuate'],
    examples: ['飞机起飞后发动机异响，紧急返航', '遇到强烈颠簸，乘务员却没有提醒系好安全带', 'The plane turned back after smoke filled the cabin', 'Mechanical problems again on the same aircraft, I do not feel safe flying with them'],
  },
];

export const TAXONOMY_PRESETS: Readonly<Record<string, { name: { zh: string; en: string }; categories: CategoryDef[] }>> = {
  default: { name: { zh: '零售与外卖（默认）', en: 'Retail and delivery (default)' }, categories: DEFAULT_TAXONOMY },
  airline: { name: { zh: '航空出行', en: 'Airline and travel' }, categories: AIRLINE_TAXONOMY },
};
