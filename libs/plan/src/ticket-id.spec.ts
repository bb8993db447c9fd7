import { TicketId } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { formatTicketId, parseTicketId } from './ticket-id';

describe('ticket ids', () => {
  it.each([
    [2026, 123, 'CR-2026-000123'],
    [2026, 1, 'CR-2026-000001'],
    [2027, 1234567, 'CR-2027-1234567'],
  ])('formatTicketId(%i, %i) = %s', (year, seq, id) => {
    expect(formatTicketId(year, seq)).toBe(id);
    expect(TicketId.safeParse(id).success).toBe(true);
    expect(parseTicketId(id)).toEqual({ year, sequence: seq });
  });
  it.each([[26, 1], [2026, 0], [2026, 1.5]])('rejects (%s, %s)', (y, s) => {
    expect(() => formatTicketId(y, s)).toThrow(RangeError);
  });
});
