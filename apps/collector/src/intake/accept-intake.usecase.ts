import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  complaintReference,
  MAX_TEXT_CHARS,
  mentionId,
  type ContactField,
  type IntakeAccepted,
  type IntakeChannel,
  type IntakeMessage,
  type RawMention,
  type SealedContact,
} from '@vigil/contracts';
import { Clock, createLogger, DataKeyRing, normaliseContact, progressToken } from '@vigil/common';
import { MessageProducer } from '@vigil/kafka';
import { maskRawMention } from '../privacy/mask-raw-mention';

export const DATA_KEYS = Symbol('DATA_KEYS');

/** A complaint carrying personal data arrived, but no data key is configured to seal it. */
export class NoDataKeyError extends Error {}

/** How many recently accepted messages this process remembers, to answer a retry without sending again. */
const RECENT_LIMIT = 10_000;

export const intakeSourceId = (channel: IntakeChannel): string => `intake-${channel}`;

/** 孙女士 → 孙**, Jane Doe → J*******: enough to greet, not enough to identify. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 8));
}

/**
 * The full name and the contact are sealed with the data key (bound to the mention id) before
 * anything leaves the collector; the mention carries the sealed box, keyed hashes to find the same
 * person again, and a masked display name. Without a data key such a message cannot be accepted.
 * Personal data written in the text itself (a phone in the complaint) is masked like any post's
 * before the mention is written to mentions.raw.
 */
export function intakeToRawMention(channel: IntakeChannel, msg: IntakeMessage, keyName: string, now: string, ring?: DataKeyRing): RawMention {
  const sourceId = intakeSourceId(channel);
  const id = mentionId(sourceId, msg.id);
  const truncated = msg.text.length > MAX_TEXT_CHARS;
  const meta: Record<string, string | boolean> = { intakeKey: keyName };
  const contact = sealContact(msg, id, ring);
  if (contact) meta.hasContact = contact.fields.some((f) => f !== 'name');
  const author = msg.author ? { ...msg.author, ...(msg.author.name !== undefined && { name: maskName(msg.author.name) }) } : undefined;
  return maskRawMention({
    id,
    sourceId,
    sourceType: 'intake',
    channel,
    externalId: msg.id,
    author,
    title: msg.title,
    text: truncated ? msg.text.slice(0, MAX_TEXT_CHARS) : msg.text,
    truncated,
    publishedAt: msg.time,
    fetchedAt: now,
    langHint: msg.langHint,
    rating: msg.rating,
    meta,
    ...(contact && { contact }),
    ...(msg.attachments?.length && { attachments: msg.attachments }),
  });
}

function sealContact(msg: IntakeMessage, id: string, ring: DataKeyRing | undefined): SealedContact | undefined {
  const details = { name: msg.author?.name?.trim() || undefined, phone: msg.contact?.phone, email: msg.contact?.email };
  const fields = (Object.keys(details) as ContactField[]).filter((k) => details[k] !== undefined);
  if (!fields.length) return undefined;
  // A name alone is kept masked on the mention when there is no key; a way to reach someone is never dropped.
  if (!ring && fields.every((f) => f === 'name')) return undefined;
  if (!ring) throw new NoDataKeyError('this message carries a phone or e-mail, and the collector has no data key to seal it (set VIGIL_DATA_KEYS)');
  const matchKeys = (['phone', 'email'] as const).filter((k) => details[k]).map((k) => ring.match(k, normaliseContact(k, details[k]!)));
  return { box: ring.seal(details, `contact:${id}`), fields, matchKeys };
}

/** Turns a pushed message into a raw mention; the same caller id twice is the same mention. */
@Injectable()
export class AcceptIntakeUseCase {
  private readonly logger = createLogger('collector');
  /** mention id → hash of what was sent, so a retry of the same message is not produced twice. */
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
    @Optional() @Inject(DATA_KEYS) private readonly ring?: DataKeyRing,
  ) {}

  async execute(channel: IntakeChannel, msg: IntakeMessage, keyName: string): Promise<IntakeAccepted> {
    const mention = intakeToRawMention(channel, msg, keyName, this.clock.now().toISOString(), this.ring);
    const digest = createHash('sha256').update(JSON.stringify({ ...msg, keyName })).digest('hex');
    const answer = { mentionId: mention.id, reference: complaintReference(mention.id), ...(this.ring && { progressPath: `/p/${progressToken(this.ring, mention.id)}` }) };
    if (this.recent.get(mention.id) === digest) return { ...answer, duplicate: true };
    // A changed message under the same id is sent again: same mention id, so it replaces the first downstream.
    await this.producer.send('mentionsRaw', [{ key: mention.id, value: mention }]);
    this.recent.delete(mention.id);
    this.recent.set(mention.id, digest);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
    this.logger.info({ mentionId: mention.id, channel, key: keyName }, 'intake accepted');
    return { ...answer, duplicate: false };
  }
}
