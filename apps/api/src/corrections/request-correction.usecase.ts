import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { MAX_TEXT_CHARS, StoredCorrection, type CorrectionRequest } from '@vigil/contracts';
import { MessageProducer } from '@vigil/kafka';
import { MentionsReader } from '@vigil/search';
import type { Principal } from '../auth/roles';

/**
 * An analyst's correction becomes a `mentions.corrections` message; the indexer (the writer of
 * mentions) records it in the audit trail and applies it to the post. A field the analyst leaves
 * out keeps the post's earlier correction, so correcting the categories does not undo a
 * corrected sentiment. The text kept is the masked text the analysis read (title and body).
 */
@Injectable()
export class RequestCorrectionUseCase {
  private readonly logger = createLogger('api');

  constructor(
    private readonly mentions: MentionsReader,
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
  ) {}

  async execute(mentionId: string, body: CorrectionRequest, actor: Principal): Promise<StoredCorrection> {
    const m = (await this.mentions.byIds([mentionId])).mentions[0];
    if (!m) throw new NotFoundException(`no mention ${mentionId}`);
    const sentiment = body.sentiment ?? m.correction?.sentiment;
    const categories = body.categories ?? m.correction?.categories;
    const emotion = body.emotion ?? m.correction?.emotion;
    const riskCues = body.riskCues ?? m.correction?.riskCues;
    const correction = StoredCorrection.parse({
      id: randomUUID(),
      mentionId,
      text: (m.title ? `${m.title}\n${m.text}` : m.text).slice(0, MAX_TEXT_CHARS) || ' ',
      language: m.analysis.language,
      ...(sentiment ? { sentiment } : {}),
      ...(categories ? { categories } : {}),
      ...(emotion ? { emotion } : {}),
      ...(riskCues ? { riskCues: [...new Set(riskCues)] } : {}),
      previous: {
        sentiment: m.analysis.sentiment.label,
        categories: m.analysis.categories.map((c) => c.id),
        emotion: m.analysis.emotion.level,
        riskCues: [...new Set(m.analysis.riskCues.map((c) => c.kind))],
      },
      by: actor.name,
      at: this.clock.now().toISOString(),
    });
    await this.producer.send('mentionsCorrections', [{ key: mentionId, value: correction }]);
    this.logger.info({ mentionId, correctionId: correction.id, actor: actor.name, sentiment: correction.sentiment, categories: correction.categories, emotion: correction.emotion, riskCues: correction.riskCues }, 'correction sent');
    return correction;
  }
}
