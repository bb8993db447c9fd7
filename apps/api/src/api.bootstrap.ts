import { Injectable, OnModuleInit } from '@nestjs/common';
import { SearchClient } from '@vigil/search';

/** The indices the api writes (watches and their history) exist before the first request. */
@Injectable()
export class ApiBootstrap implements OnModuleInit {
  constructor(private readonly search: SearchClient) {}

  async onModuleInit(): Promise<void> {
    await this.search.ensureIndices();
  }
}
