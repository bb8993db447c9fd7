import { DynamicModule, Global, Module } from '@nestjs/common';
import { SEARCH_OPTIONS, type SearchOptions } from './search-options';
import { SearchClient } from './search-client';
import { BulkIndexer } from './bulk-indexer';

@Global()
@Module({})
export class SearchModule {
  static forRoot(options: SearchOptions): DynamicModule {
    return {
      module: SearchModule,
      providers: [{ provide: SEARCH_OPTIONS, useValue: options }, SearchClient, BulkIndexer],
      exports: [SearchClient, BulkIndexer],
    };
  }
}
