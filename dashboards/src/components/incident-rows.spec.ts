import { describe, expect, it } from 'vitest';
import type { Alert } from '@vigil/contracts';
import { incidentRows } from './incident-rows';

const alert = (n: number, over: Partial<Alert>): Alert => ({ alertId: `a${n}`, type: 'new_ticket', ticketId: 'CR-2026-000001', level: 'important', title: 't', at: `2026-11-23T10:0${n}:00Z`, notify: [], ...over });

describe('incidentRows', () => {
  it('folds an opening and its follow-ups into one row: "+12 posts, now urgent"', () => {
    const alerts = [
      alert(4, { type: 'updated', level: 'urgent', evidence: { signals: 4, posts: 22, addedPosts: 4 } }),
      alert(3, { type: 'level_raised', level: 'urgent', previousLevel: 'important', evidence: { signals: 3, posts: 18, addedPosts: 8 } }),
      alert(2, { ticketId: 'CR-2026-000002', level: 'major', escalated: true, evidence: { signals: 1, posts: 40, addedPosts: 40 } }),
      alert(1, { escalated: true, evidence: { signals: 1, posts: 10, addedPosts: 10 } }),
    ];
    const rows = incidentRows(alerts);
    expect(rows.map((r) => r.ticketId)).toEqual(['CR-2026-000001', 'CR-2026-000002']);
    expect(rows[0]).toMatchObject({ level: 'urgent', addedPosts: 12, raisedFrom: 'important', escalated: true, cooling: false, alerts: 3 });
    expect(rows[0]!.opening?.alertId).toBe('a1');
    expect(rows[1]).toMatchObject({ level: 'major', addedPosts: 0, escalated: true, alerts: 1 });
    expect(rows[1]!.raisedFrom).toBeUndefined();
  });

  it('counts only the latest round after a reopening, and shows cooling', () => {
    const rows = incidentRows([
      alert(5, { type: 'cooling', evidence: { signals: 6, posts: 30, addedPosts: 0 } }),
      alert(4, { type: 'reopened', evidence: { signals: 5, posts: 30, addedPosts: 5 } }),
      alert(3, { type: 'level_raised', level: 'urgent', previousLevel: 'important' }),
      alert(1, { evidence: { signals: 1, posts: 10, addedPosts: 10 } }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ cooling: true, addedPosts: 0, alerts: 2 });
    expect(rows[0]!.raisedFrom).toBeUndefined();
  });
});
