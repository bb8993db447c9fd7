import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mentionId } from './mention-id';

describe('mentionId', () => {
  // Ids already stored: a change of hashing must keep every one of them.
  it.each([
    ['bench', 'b-1', 'e1eecdfc88bd8f326f4153da9e000b83'],
    ['weibo', '帖子😀 1', 'd2f9afff35c0caee6e94d39cf27e5b23'],
    ['', '', '6e340b9cffb37a989ca544e6bb780a2c'],
  ])('%s / %s → %s', (source, external, id) => {
    expect(mentionId(source, external)).toBe(id);
  });

  it('is the first 32 hex digits of SHA-256 over source NUL external id', () => {
    for (let i = 0; i < 200; i++) {
      const ext = `p-${i}-${'投诉'.repeat(i % 5)}`;
      expect(mentionId('src', ext)).toBe(createHash('sha256').update(`src\u0000${ext}`).digest('hex').slice(0, 32));
    }
  });
});
