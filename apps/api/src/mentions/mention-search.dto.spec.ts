import { describe, expect, it } from 'vitest';
import { MentionSearchQuery } from './mention-search.dto';

const issues = (q: Record<string, string>) => {
  const r = MentionSearchQuery.safeParse(q);
  return r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
};

describe('MentionSearchQuery: clear 400s before Elasticsearch sees the query (issue 20, item 9)', () => {
  it('refuses paging past 10,000 results, naming the field', () => {
    expect(issues({ page: '101', size: '100' })).toEqual([{ field: 'page', message: expect.stringMatching(/^page × size must not pass 10,000/) }]);
    expect(issues({ page: '100', size: '100' })).toEqual([]);
  });

  it('refuses a time zone that does not exist', () => {
    expect(issues({ tz: 'Mars/Olympus_Mons' })).toEqual([{ field: 'tz', message: expect.stringMatching(/IANA time zone/) }]);
    expect(issues({ tz: 'Asia/Shanghai' })).toEqual([]);
    expect(issues({ tz: 'America/Argentina/Buenos_Aires' })).toEqual([]);
  });
});
