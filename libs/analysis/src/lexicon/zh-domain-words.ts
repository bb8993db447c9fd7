/**
 * Complaint words jieba's dictionary lacks, so they are cut as one word (and a cluster's key
 * terms read 闪退, not 闪 + 退): app faults, delivery and payment problems, store and travel
 * words. A moderate frequency: they win over single characters, not over longer dictionary words.
 */
export const ZH_DOMAIN_WORDS: readonly string[] = [
  '闪退', '卡顿', '闪屏', '白屏', '发烫', '空间不足', '登不上', '充不进电',
  '到账', '扣费', '盗刷', '乱扣费',
  '漏送', '少送', '错送', '差评', '催单',
  '超售',
];

export const ZH_DOMAIN_WORD_FREQ = 2000;
