export * from './search-options';
export * from './indices';
export * from './analytics';
export * from './search-client';
export * from './bulk-indexer';
export * from './search.module';
export * from './es-errors';
export * from './versioned';
