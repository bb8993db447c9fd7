import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { SavedSearch, SavedSearchQuery } from '@vigil/contracts';

export const SaveSearchBody = z.object({ name: z.string().trim().min(1).max(100), query: SavedSearchQuery });
export class SaveSearchBodyDto extends createZodDto(SaveSearchBody) {}
export class SavedSearchDto extends createZodDto(SavedSearch) {}
export const SavedSearchId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'a saved search id');

export const SavedSearchDeleted = z.object({ id: z.string(), deleted: z.literal(true) });
export class SavedSearchDeletedDto extends createZodDto(SavedSearchDeleted) {}
