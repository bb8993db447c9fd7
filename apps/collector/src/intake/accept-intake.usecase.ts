import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { MAX_TEXT_CHARS, mentionId, type IntakeAccepted, type IntakeChannel, type IntakeMessage, type RawMention } from '@vigil/contracts';
import { Clock, createLogger } from '@vigil/common';
import { MessageProducer } from '@vigil/kafka';

/** How many recently accepted messages this process remembers, to answer a retry without sending again. */
const RECENT_LIMIT = 10_000;

export const intakeSourceId = (channel: IntakeChannel): string => `intake-${channel}`;

/**
 * The contact rides inside the text: the processor masks personal data in text
 * before anything is stored, so it is masked like any number a customer writes.
 */
export function intakeToRawMention(channel: IntakeChannel, msg: IntakeMessage, keyName: string, now: string): RawMention {
  const sourceId = intakeSourceId(channel);
  const contact = msg.contact ? [msg.contact.phone, msg.contact.email].filter(Boolean).join(' / ') : '';
  const full = contact ? `${msg.text}\n\n联系方式 Contact: ${contact}` : msg.text;
  const truncated = full.length > MAX_TEXT_CHARS;
  const meta: Record<string, string | boolean> = { intakeKey: keyName };
  if (contact) meta.hasContact = true;
  return {
    id: mentionId(sourceId, msg.id),
    sourceId,
    sourceType: 'intake',
    channel,
    externalId: msg.id,
    author: msg.author,
    title: msg.title,
    text: truncated ? full.slice(0, MAX_TEXT_CHARS) : full,
    truncated,
    publishedAt: msg.time,
    fetchedAt: now,
    langHint: msg.langHint,
    rating: msg.rating,
    meta,
  };
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
  ) {}

  async execute(channel: IntakeChannel, msg: IntakeMessage, keyName: string): Promise<IntakeAccepted> {
    const mention = intakeToRawMention(channel, msg, keyName, this.clock.now().toISOString());
    const digest = createHash('sha256').update(JSON.stringify({ ...msg, keyName })).digest('hex');
    if (this.recent.get(mention.id) === digest) return { mentionId: mention.id, duplicate: true };
    // A changed message under the same id is sent again: same mention id, so it replaces the first downstream.
    await this.producer.send('mentionsRaw', [{ key: mention.id, value: mention }]);
    this.recent.delete(mention.id);
    this.recent.set(mention.id, digest);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
    this.logger.info({ mentionId: mention.id, channel, key: keyName }, 'intake accepted');
    return { mentionId: mention.id, duplicate: false };
  }
}
