/** A compact built-in gazetteer: enough to route a complaint, not a geocoder. */
export const PROVINCES = `北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门`.split(' ');

export const CITIES = `广州 深圳 杭州 南京 苏州 成都 武汉 西安 长沙 郑州 青岛 济南 沈阳 大连 厦门 福州 宁波 无锡 合肥 昆明 哈尔滨 长春 石家庄 太原 南昌 南宁 贵阳 兰州 海口 三亚 乌鲁木齐 呼和浩特 银川 西宁 拉萨 东莞 佛山 珠海 温州 绍兴 嘉兴 金华 台州 常州 南通 徐州 扬州 烟台 潍坊 洛阳 惠州 中山 泉州 保定 唐山 邯郸 芜湖 赣州 桂林 柳州 绵阳 宜昌 襄阳 株洲 湛江 汕头 珠海 台北 高雄`.split(' ');

export const EN_CITIES = ['New York', 'Los Angeles', 'San Francisco', 'Chicago', 'Houston', 'Seattle', 'Boston', 'Miami', 'Atlanta', 'Dallas', 'Denver', 'Phoenix', 'Philadelphia', 'Washington', 'Las Vegas', 'San Diego', 'Austin', 'Portland', 'Detroit', 'Toronto', 'Vancouver', 'Montreal', 'London', 'Manchester', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Amsterdam', 'Dublin', 'Sydney', 'Melbourne', 'Singapore', 'Hong Kong', 'Tokyo', 'Seoul', 'Beijing', 'Shanghai', 'Shenzhen', 'Guangzhou', 'Taipei', 'Bangkok', 'Dubai', 'Mumbai', 'Delhi'];

// Words ending in 区/县 that are not district names.
export const NON_DISTRICTS = new Set(['小区', '社区', '地区', '景区', '园区', '市区', '郊区', '误区', '专区', '评论区', '服务区', '片区', '禁区', '灾区', '校区', '街区', '商区', '辖区', '老区', '雷区', '盲区', '配送区', '区县', '分区', '展区', '营业区', '东区', '西区', '南区', '北区', '试点区', '市县', '郡县', '州县']);

/** Characters that cannot start a place name: pronouns, prepositions, verbs of motion. */
/**
 * Function words (and the words people put before an address: 业主, 反映, 外卖…) that cannot sit inside a compound's name, so a name starts after the last
 * of them (鲜达外卖在阳光花园 → 阳光花园). Characters common in real names (和平, 来福, 于家) are left out.
 */
export const PLACE_INNER_STOP = /^.*(?:[我你他她们这那的了在住到去从与往是个送给把被对离]|反映|反馈|投诉|读者|业主|居民|市民|网友|用户|顾客|位于|附近|楼下|门口|外卖|快递|订单|配送|表示)/;
export const PLACE_LEAD_STOP = /^[我你他她它们这那的了在住到去从于和与往来回是个整本该就都也很送给把被对离就在家隔壁附近]+/;
