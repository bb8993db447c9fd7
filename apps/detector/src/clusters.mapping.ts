import type { estypes } from '@elastic/elasticsearch';

const keyword: estypes.MappingProperty = { type: 'keyword', ignore_above: 512 };

/** Clusters are searchable by label and facets; the detector's working state rides along unindexed. */
export const clustersMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: {
    id: keyword,
    label: { type: 'text', analyzer: 'standard', fields: { raw: keyword } },
    topTerms: keyword,
    language: keyword,
    firstSeen: { type: 'date' },
    lastSeen: { type: 'date' },
    size: { type: 'integer' },
    distinctAuthors: { type: 'integer' },
    channels: keyword,
    places: keyword,
    products: keyword,
    categories: keyword,
    orderBatches: keyword,
    riskCues: keyword,
    meanSentiment: { type: 'float' },
    meanEmotionIntensity: { type: 'float' },
    reach: { type: 'double' },
    maxMoney: { type: 'double' },
    sampleMentionIds: keyword,
    velocityPerHour: { type: 'float' },
    growth: { type: 'float' },
    mergedInto: keyword,
    status: keyword,
    state: { type: 'object', enabled: false },
  },
};

export const detectorStateMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: { savedAt: { type: 'date' }, snapshot: { type: 'binary' } },
};
