import { createHash } from 'node:crypto';

/** sha256 of a plan's text: names a version, so an edit can say which one it started from. */
export const planHash = (text: string): string => createHash('sha256').update(text).digest('hex');
