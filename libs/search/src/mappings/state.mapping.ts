import type { estypes } from '@elastic/elasticsearch';

/** Per-source collector state (cursor, ETag, seen ids): read back after a restart. */
export const sourceStateMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: {
    sourceId: { type: 'keyword' },
    updatedAt: { type: 'date' },
    lastSuccessAt: { type: 'date' },
    lastErrorAt: { type: 'date' },
    lastError: { type: 'keyword', index: false },
    errorCount: { type: 'long' },
  },
};
