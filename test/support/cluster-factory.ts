import { ClusterDoc } from '@vigil/contracts';

/** A cluster document as the detector stores it; tests set what they care about. */
export function clusterFactory(over: Partial<ClusterDoc> & Pick<ClusterDoc, 'id'>): ClusterDoc {
  const now = Date.now();
  return ClusterDoc.parse({
    label: '鲜达 退款 拒绝',
    topTerms: ['鲜达', '退款', '拒绝'],
    language: 'zh',
    firstSeen: new Date(now - 60 * 60_000).toISOString(),
    lastSeen: new Date(now - 60_000).toISOString(),
    size: 10,
    distinctAuthors: 8,
    channels: ['social'],
    places: [],
    products: [],
    categories: ['refund'],
    orderBatches: [],
    riskCues: [],
    meanSentiment: -0.6,
    meanEmotionIntensity: 0.5,
    reach: 1000,
    maxMoney: 0,
    sampleMentionIds: [],
    velocityPerHour: 10,
    growth: 1,
    status: 'active',
    state: {
      version: 1, signatures: [], terms: {}, authorHashes: [], counts: { channels: {}, places: {}, products: {}, categories: {}, orderBatches: {}, riskCues: {} },
      recentTimes: [], sentimentSum: 0, emotionSum: 0, reachSum: 0, maxMoney: 0, nearDuplicates: 0, suspiciousAccounts: 0, coordinatedPosts: 0, signalled: { newAt: 0, grewAt: 0 },
    },
    ...over,
  });
}
