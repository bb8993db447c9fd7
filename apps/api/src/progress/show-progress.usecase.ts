import { Inject, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { Clock, readProgressToken, type DataKeyRing } from '@vigil/common';
import type { ProgressView, Ticket } from '@vigil/contracts';
import { progressExpired, publicProgress } from '@vigil/plan';
import { MentionsReader, TicketsReader } from '@vigil/search';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { API_DATA_KEYS } from '../complaints/view-contact.usecase';

/** One answer for a link we did not issue, one we issued that has expired, and a server without keys. */
export const NO_SUCH_PAGE = 'no such progress page';

/**
 * 进度查询: a complainant's link names their complaint (an HMAC-checked token, nothing stored);
 * the answer is the public view of its case. Unknown, forged and expired links are one 404.
 */
@Injectable()
export class ShowProgressUseCase {
  constructor(
    private readonly tickets: TicketsReader,
    private readonly mentions: MentionsReader,
    private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Optional() @Inject(API_DATA_KEYS) private readonly ring?: DataKeyRing,
  ) {}

  async execute(token: string): Promise<ProgressView> {
    const mentionId = this.ring ? readProgressToken(this.ring, token) : undefined;
    if (!mentionId) throw new NotFoundException(NO_SUCH_PAGE);
    const now = this.clock.now();
    const ticket = await this.follow(await this.tickets.findByComplaint(mentionId));
    const receivedAt = ticket ? undefined : (await this.mentions.byIds([mentionId])).mentions[0]?.publishedAt;
    if (progressExpired(ticket, receivedAt, this.config.PROGRESS_LINK_DAYS, now)) throw new NotFoundException(NO_SUCH_PAGE);
    return publicProgress(mentionId, ticket, now);
  }

  /** A merged case is followed into the one that carries on. */
  private async follow(t: Ticket | undefined): Promise<Ticket | undefined> {
    for (let hop = 0; t?.state === 'merged' && t.mergedInto && hop < 5; hop++) t = (await this.tickets.find(t.mergedInto)) ?? t;
    return t;
  }
}
