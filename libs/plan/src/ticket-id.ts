/** `CR-2026-000123`: people read these out on the phone, so they are short and sortable. */
export function formatTicketId(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`ticket year must be 4 digits, got ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`ticket sequence must be a positive integer, got ${sequence}`);
  // Past 999999 in a year the id just grows a digit; the schema accepts 6 or more.
  return `CR-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseTicketId(id: string): { year: number; sequence: number } | undefined {
  const m = /^CR-(\d{4})-(\d{6,})$/.exec(id);
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : undefined;
}
