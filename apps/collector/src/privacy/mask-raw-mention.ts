import type { RawMention } from '@vigil/contracts';
import { DEFAULT_ORDER_PATTERNS, findOrderIds, maskPii, type PiiKind } from '@vigil/analysis';

const ALL_KINDS: ReadonlySet<PiiKind> = new Set(['phone', 'id_card', 'email']);

/**
 * Phones, e-mails and ID numbers are masked before a post is written to mentions.raw, so
 * personal data never sits in Kafka (whose topics are kept for days and replayed from offset 0)
 * nor in the DLQ. The mask is the processor's own (length-preserving, order ids left alone), so
 * the processor's analysis of the masked text is what it was; the kinds found travel with the
 * post (`piiKinds`), because the processor can no longer see them.
 */
export function maskRawMention(m: RawMention): RawMention {
  const text = maskField(m.text);
  const title = m.title === undefined ? undefined : maskField(m.title);
  const kinds = [...new Set([...(m.piiKinds ?? []), ...text.kinds, ...(title?.kinds ?? [])])];
  return { ...m, text: text.masked, ...(title ? { title: title.masked } : {}), ...(kinds.length ? { piiKinds: kinds } : {}) };
}

function maskField(s: string): { masked: string; kinds: PiiKind[] } {
  const orders = findOrderIds(s, DEFAULT_ORDER_PATTERNS);
  const r = maskPii(s, ALL_KINDS, orders.spans);
  return { masked: r.masked, kinds: r.kinds };
}
