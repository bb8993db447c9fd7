export * from './search-options';
export * from './index-names';
export * from './search-client';
export * from './bulk-indexer';
export * from './search.module';
export * from './mappings/mentions.mapping';
export * from './es-errors';
