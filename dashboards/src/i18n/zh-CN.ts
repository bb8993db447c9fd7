import type { Messages } from './en';

export const zhCN: Messages = {
  app: { title: 'Vigil 舆情监测', signOut: '退出', language: 'English' },
  nav: { live: '实时', board: '危机看板', clusters: '聚类', search: '搜索与分析', sources: '数据源' },
  status: { live: '实时', connecting: '连接中…', offline: '离线', resyncing: '重新同步…' },
  login: { title: '登录 Vigil', username: '用户名', password: '密码', submit: '登录', failed: '登录失败：{msg}', hint: '首次启动时，admin 密码只在终端打印一次（或设置 VIGIL_ADMIN_PASSWORD）。' },
  level: { general: '一般', important: '重要', urgent: '紧急', major: '重大' },
  state: { open: '待处理', acknowledged: '已确认', investigating: '调查中', responding: '回应中', resolved: '已解决', closed: '已关闭', merged: '已合并' },
  alertType: { new_ticket: '新工单', level_raised: '级别上调', sla_warning: 'SLA 预警', sla_breached: 'SLA 超时', escalated: '已升级', cooling: '降温', reopened: '重新打开' },
  live: { alerts: '告警', noAlerts: '本页连接后暂无告警，新告警会自动出现，无需刷新。', perMinute: '每分钟声量', negativeShare: '负面占比（{n} 分钟）', openTickets: '未关闭工单', timeline: '近一小时情感走势（每分钟）', noTimeline: 'api 启动后尚无新帖子。' },
  board: { title: '危机看板', empty: '暂无工单。响应器会按预案自动开单。', acknowledge: '确认', assignMe: '指派给我', sent: '已发送，等待响应器处理…', filterState: '状态', filterLevel: '级别', all: '全部', active: '进行中' },
  sla: { acknowledge: '确认', firstResponse: '首次回应', resolve: '解决', left: '剩余 {t}', overdue: '已超时 {t}', met: '已达成' },
  ticket: { back: '← 看板', timeline: '时间线', evidence: '证据', checklist: '处置步骤', holding: '临时声明', actions: '操作', comment: '备注', send: '发送', transition: '转为', assign: '指派给', signals: '{n} 个信号，最大聚类 {size} 条', mentions: '相关帖子', cluster: '聚类', noEvents: '暂无事件。', notFound: '未找到工单。', assignees: '负责人', nobody: '无' },
  clusters: { title: '聚类', empty: '暂无聚类：检测器尚未写入（或未运行）。', size: '帖子数', authors: '作者数', growth: '增长', velocity: '每小时', lastSeen: '最近出现', terms: '高频词', sentiment: '平均情感', back: '← 聚类', notFound: '未找到聚类。' },
  search: { placeholder: '关键词或短语（中英文）', run: '搜索', export: '导出 CSV', from: '开始', to: '结束', sentiment: '情感', channel: '渠道', interval: '按', hour: '小时', day: '天', total: '共 {n} 条', none: '没有匹配的帖子。', timeline: '情感走势', channels: '渠道分布', categories: '投诉类别', terms: '高频词', places: '地点', results: '帖子', forbidden: '搜索需要分析员及以上角色。' },
  sentiment: { negative: '负面', neutral: '中性', positive: '正面' },
  sources: { title: '数据源', empty: '暂无数据源状态：采集器首次抓取后写入。', source: '数据源', status: '状态', lastSuccess: '最近成功', lastError: '最近错误', errors: '错误次数', items: '条目', ok: '正常', failing: '故障', unknown: '未知' },
  common: { loading: '加载中…', error: '错误：{msg}', never: '—' },
};
