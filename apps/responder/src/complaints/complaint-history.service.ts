import { Injectable } from '@nestjs/common';
import { HISTORY_CAP, type ComplaintHistory, type PostFacts } from '@vigil/contracts';
import { complainantMatchKeys } from '@vigil/plan';
import { MentionsReader } from '@vigil/search';
import { TicketsRepository } from '../tickets/tickets.repository';

/**
 * A complainant's history when their complaint comes in: earlier tickets of the same person
 * (contact or author) or order, and earlier posts of theirs. Repeat complaints are counted as the
 * larger of the two (most tickets started as a post, so adding them would count one case twice).
 */
@Injectable()
export class ComplaintHistoryService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly mentions: MentionsReader,
  ) {}

  async lookup(post: PostFacts): Promise<ComplaintHistory> {
    const matchKeys = complainantMatchKeys(post);
    const orders = post.orderIds;
    const [earlier, posts] = await Promise.all([
      this.tickets.earlierComplaints({ matchKeys, orders, excludeMentionId: post.mentionId, size: HISTORY_CAP }),
      this.mentions.countEarlierPosts({
        ...(post.author?.id && { author: { sourceId: post.sourceId, id: post.author.id } }),
        matchKeys: post.contact?.matchKeys ?? [],
        orders,
        before: post.publishedAt,
        excludeId: post.mentionId,
      }),
    ]);
    const tickets = earlier
      .filter((e) => (e.ticket.complaint?.receivedAt ?? e.ticket.openedAt) < post.publishedAt)
      .map(({ ticket: t, matchedBy }) => ({ id: t.id, openedAt: t.openedAt, state: t.state, level: t.level, matchedBy }));
    return { tickets, posts, repeatCount: Math.max(tickets.length, posts) };
  }
}
