/** Index, alias and template names, all under one prefix. */
export class IndexNames {
  constructor(readonly prefix: string) {}

  /** Alias over every monthly mentions index: what searches read. */
  get mentions(): string {
    return `${this.prefix}mentions`;
  }
  /** Monthly indices let old data go by deleting an index (no delete-by-query in the bare server). */
  mentionsFor(publishedAt: string | Date): string {
    const d = new Date(publishedAt);
    const month = String(d.getUTCMonth() + 1).padStart(2, '0');
    return `${this.prefix}mentions-${d.getUTCFullYear()}.${month}`;
  }
  get mentionsPattern(): string {
    return `${this.prefix}mentions-*`;
  }
  get clusters(): string {
    return `${this.prefix}clusters`;
  }
  get tickets(): string {
    return `${this.prefix}tickets`;
  }
  get ticketEvents(): string {
    return `${this.prefix}ticket-events`;
  }
  get sourceState(): string {
    return `${this.prefix}source-state`;
  }
}
