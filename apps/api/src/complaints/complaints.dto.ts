import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ContactDetails, ContactView } from '@vigil/contracts';

export const ContactRequest = z.object({ reason: z.string().trim().max(500).optional().describe('why the contact is needed (kept in the audit)') });
export class ContactRequestDto extends createZodDto(ContactRequest) {}

/** The opened contact and when the view was recorded. */
export const ContactAnswer = ContactDetails.extend({ viewedAt: z.iso.datetime({ offset: true }) });
export class ContactAnswerDto extends createZodDto(ContactAnswer) {}

export class ContactViewDto extends createZodDto(ContactView) {}
