import type { Ticket } from '@vigil/contracts';

export type SlaStage = 'acknowledge' | 'firstResponse' | 'resolve';

/** The SLA target a ticket is racing now: acknowledge, then first response, then resolution. */
export function currentSla(t: Pick<Ticket, 'state' | 'acknowledgedAt' | 'firstResponseAt' | 'resolvedAt' | 'slaDeadlines'>): { stage: SlaStage; deadline: string } | undefined {
  if (['resolved', 'closed', 'merged'].includes(t.state)) return undefined;
  const stage: SlaStage = !t.acknowledgedAt ? 'acknowledge' : !t.firstResponseAt ? 'firstResponse' : 'resolve';
  const deadline = t.slaDeadlines[stage];
  return deadline ? { stage, deadline } : undefined;
}
