import {
  complaintReference,
  type ComplaintHistory,
  type ComplaintRecord,
  type Demand,
  type DemandKind,
  type EvidenceItem,
  type PostFacts,
} from '@vigil/contracts';

/**
 * Keys that find the same complainant again: the contact's keyed hashes (intake) and the
 * author's id at the source. Never a name: two 王先生 are not one person.
 */
export function complainantMatchKeys(post: PostFacts): string[] {
  const keys = [...(post.contact?.matchKeys ?? [])];
  if (post.author?.id) keys.push(`author:${post.sourceId}:${post.author.id}`);
  return keys.slice(0, 8);
}

const LINK = /https?:\/\/[^\s<>"'，。！？、）)】]+/g;

/** Links in the text, the post's own address and the files it carried. */
export function evidenceOf(post: PostFacts): EvidenceItem[] {
  const links = new Set<string>();
  if (post.url && /^https?:\/\//.test(post.url)) links.add(post.url);
  for (const m of post.text.matchAll(LINK)) links.add(m[0].slice(0, 2048));
  const items: EvidenceItem[] = [...links].map((url) => ({ kind: 'link', url }));
  for (const a of post.attachments ?? []) items.push({ kind: 'attachment', name: a.name, ...(a.url && { url: a.url }), ...(a.mediaType && { mediaType: a.mediaType }), ...(a.size !== undefined && { size: a.size }) });
  return items.slice(0, 40);
}

/** 投诉记录 of one complaint, from its post, the demands read from the text and the history the responder found. */
export function complaintRecord(post: PostFacts, demands: { kind: DemandKind; evidence?: string }[], history: ComplaintHistory): ComplaintRecord {
  const pushed = post.sourceType === 'intake';
  return {
    mentionId: post.mentionId,
    ...(pushed && { reference: complaintReference(post.mentionId) }),
    channel: post.channel,
    sourceType: post.sourceType,
    sourceId: post.sourceId,
    receivedAt: post.publishedAt,
    ...(post.url && { url: post.url }),
    complainant: {
      ...(post.author?.name && { displayName: post.author.name }),
      ...(post.author?.id && { authorId: post.author.id }),
      matchKeys: complainantMatchKeys(post),
      ...(post.contact && { contact: post.contact.box }),
      contactFields: post.contact?.fields ?? [],
    },
    target: { products: post.products, stores: [], orders: post.orderIds },
    places: post.places,
    ...(post.title && { title: post.title }),
    description: post.text,
    language: post.language,
    demands: demands.map((d): Demand => ({ kind: d.kind, source: 'detected', ...(d.evidence && { evidence: d.evidence.slice(0, 200) }) })),
    money: post.money,
    evidence: evidenceOf(post),
    emotion: post.emotion,
    sentiment: post.sentiment,
    ...(post.rating !== undefined && { rating: post.rating }),
    cues: post.cues,
    history,
  };
}

export const NO_HISTORY: ComplaintHistory = { tickets: [], posts: 0, repeatCount: 0 };
