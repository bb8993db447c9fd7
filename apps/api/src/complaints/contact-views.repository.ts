import { Injectable } from '@nestjs/common';
import type { ContactView } from '@vigil/contracts';
import { ContactViewsReader } from '@vigil/search';

/** The api's writes of the contact-view audit (index and contract: `@vigil/search` contact-views.index.ts). */
@Injectable()
export class ContactViewsRepository extends ContactViewsReader {
  /** Acknowledged by Elasticsearch before the contact is shown: no view goes unrecorded. */
  async record(view: ContactView): Promise<void> {
    await this.search.es.index({ index: this.index, id: view.id, document: view, op_type: 'create' });
  }
}
