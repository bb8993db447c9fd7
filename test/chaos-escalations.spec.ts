import { describe, expect, it } from 'vitest';
import { countEscalations } from '../scripts/chaos/audit';

const ticket = (id: string, ...steps: string[]) => ({ id, escalations: steps.map((stepId) => ({ stepId })) });

describe('the fault suite counting SLA escalations', () => {
  it('counts each fired step once when the trail and the ticket agree', () => {
    const events = [{ ticketId: 'T1', stepId: 'immediate' }, { ticketId: 'T1', stepId: 'l2' }, { ticketId: 'T2', stepId: 'l2' }];
    expect(countEscalations(events, [ticket('T1', 'immediate', 'l2'), ticket('T2', 'l2'), ticket('T3')])).toEqual({ fired: 3, repeated: 0, lost: 0 });
  });

  it('counts a step fired again after a restart as repeated', () => {
    const events = [{ ticketId: 'T1', stepId: 'l2' }, { ticketId: 'T1', stepId: 'l2' }, { ticketId: 'T1', stepId: 'l2' }];
    expect(countEscalations(events, [ticket('T1', 'l2')])).toEqual({ fired: 1, repeated: 2, lost: 0 });
  });

  it('counts a step the ticket records without its event, and an event the ticket does not record, as lost', () => {
    const events = [{ ticketId: 'T2', stepId: 'l3' }];
    expect(countEscalations(events, [ticket('T1', 'l2'), ticket('T2')])).toEqual({ fired: 1, repeated: 0, lost: 2 });
  });
});
