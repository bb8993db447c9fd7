import { DynamicModule, Global, Module } from '@nestjs/common';
import { SEARCH_CLIENT, SEARCH_OPTIONS, type SearchOptions } from './search-options';
import { SearchClient } from './search-client';
import { BulkIndexer } from './bulk-indexer';
import { READERS } from './indices';
import { ANALYTICS_READERS } from './analytics';

/** Global: every app gets the client, the bulk writer and a reader for each stored document. */
@Global()
@Module({})
export class SearchModule {
  static forRoot(options: SearchOptions): DynamicModule {
    return {
      module: SearchModule,
      providers: [{ provide: SEARCH_OPTIONS, useValue: options }, SearchClient, { provide: SEARCH_CLIENT, useExisting: SearchClient }, BulkIndexer, ...READERS, ...ANALYTICS_READERS],
      exports: [SearchClient, SEARCH_CLIENT, BulkIndexer, ...READERS, ...ANALYTICS_READERS],
    };
  }
}
