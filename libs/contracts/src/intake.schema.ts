import { z } from 'zod';
import { MAX_TEXT_CHARS } from './raw-mention.schema';
import { AttachmentMeta } from './contact.schema';

/** Channels that push to `POST /api/intake/:channel` instead of being polled. */
export const IntakeChannel = z.enum(['form', 'app', 'email', 'hotline']);
export type IntakeChannel = z.infer<typeof IntakeChannel>;

/**
 * Phone formats the processor's PII masker recognises (mainland mobile, mainland
 * landline with area code, international with +): anything else could pass unmasked.
 */
const Phone = z
  .string()
  .trim()
  .regex(/^(?:(?:\+|00)86[- ]?)?1[3-9]\d{9}$|^0\d{2,3}-\d{7,8}$|^\+[1-9]\d{0,2}[- ]?\d{2,4}(?:[- ]?\d{2,4}){2,4}$/, 'a mobile number, 0xx-xxxxxxx, or +<country> <number>');

/** A post pushed by a form, the app, a mail gateway or the hotline desk. */
export const IntakeMessage = z.strictObject({
  /** The caller's own id for this message: sending it again is safe (one mention). */
  id: z.string().trim().min(1).max(256),
  text: z.string().trim().min(1).max(MAX_TEXT_CHARS),
  title: z.string().trim().max(512).optional(),
  author: z.strictObject({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).optional(),
  time: z.iso.datetime({ offset: true }),
  langHint: z.string().max(16).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  /** How to reach the person: sealed (AES-256-GCM) by the collector before it enters Kafka, never in the text. */
  contact: z
    .strictObject({ phone: Phone.optional(), email: z.email().max(256).optional() })
    .refine((c) => c.phone || c.email, 'give a phone or an email, or leave contact out')
    .optional(),
  /** Files the person attached, as metadata (name, type, size, where it was uploaded). */
  attachments: z.array(AttachmentMeta.strict()).max(20).optional(),
});
export type IntakeMessage = z.infer<typeof IntakeMessage>;

export const IntakeAccepted = z.object({
  mentionId: z.string(),
  duplicate: z.boolean(),
  /** The number the complainant quotes (complaintReference). */
  reference: z.string(),
  /** The complainant's progress page (进度查询), relative to the api; absent without data keys. */
  progressPath: z.string().optional(),
});
export type IntakeAccepted = z.infer<typeof IntakeAccepted>;
