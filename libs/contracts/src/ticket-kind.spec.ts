import { describe, expect, it } from 'vitest';
import { CRISIS_TRIGGERS, ticketKind } from './ticket-kind';

describe('ticketKind', () => {
  it('a single complaint opened for service reasons only is a service ticket', () => {
    expect(ticketKind({ incidentKey: 'mention:abc', triggers: ['manager-request', 'repeat-complaint'] })).toBe('service');
    expect(ticketKind({ incidentKey: 'mention:abc', triggers: [] })).toBe('service');
  });

  it('a crisis trigger on a single post, or any cluster or burst, makes a crisis ticket', () => {
    for (const t of CRISIS_TRIGGERS) expect(ticketKind({ incidentKey: 'mention:abc', triggers: ['manager-request', t] }), t).toBe('crisis');
    expect(ticketKind({ incidentKey: 'cluster:c1', triggers: [] })).toBe('crisis');
    expect(ticketKind({ incidentKey: 'burst:brand-a', triggers: ['manager-request'] })).toBe('crisis');
  });
});
