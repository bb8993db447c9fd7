import type { RemedyKind, RootCauseKind, SeverityLevel, Ticket, TicketOutcome, TicketState } from '@vigil/contracts';
import type { ActionBody } from '../../stores/tickets';

/** The actions a person takes from the ticket page; remedies' approval and agreement sit on the remedies list. */
export type FormKind =
  | 'acknowledge'
  | 'assign'
  | 'comment'
  | 'change_level'
  | 'transition'
  | 'propose_remedy'
  | 'pause_waiting'
  | 'resume_waiting'
  | 'record_response'
  | 'resolve'
  | 'post_public_update'
  | 'record_satisfaction'
  | 'close_with_review'
  | 'merge'
  | 'reopen';

export const LEVELS: SeverityLevel[] = ['general', 'important', 'urgent', 'major'];
export const REMEDY_KINDS: RemedyKind[] = ['refund', 'exchange', 'reship', 'coupon', 'visit', 'apology', 'explanation', 'compensation', 'other'];
export const ROOT_CAUSES: RootCauseKind[] = ['incidental', 'process', 'system', 'product', 'third_party'];
/** The team's judgement when resolving or closing (issue #14): a real incident teaches the detector's baselines nothing. */
export const OUTCOMES: TicketOutcome[] = ['incident', 'false_alarm', 'other'];

const ACTIVE: TicketState[] = ['acknowledged', 'investigating', 'responding'];
const paused = (t: Ticket) => t.pausedIntervals.some((p) => p.to === undefined);

/**
 * What the lifecycle lets a person do in the ticket's state, so the page offers only those. The
 * responder still decides: an action that raced a change is refused there, with its reason.
 */
export function availableActions(t: Ticket): FormKind[] {
  const out: FormKind[] = [];
  const s = t.state;
  if (s === 'merged') return out;
  if (s === 'open') out.push('acknowledge');
  if (s !== 'closed') out.push('assign');
  out.push('comment');
  if (s !== 'closed') out.push('change_level');
  if (s === 'acknowledged' || s === 'investigating' || s === 'responding') out.push('transition');
  if (ACTIVE.includes(s)) out.push('propose_remedy', paused(t) ? 'resume_waiting' : 'pause_waiting', 'resolve');
  if (s === 'open' || ACTIVE.includes(s)) out.push('record_response');
  if (t.complaint) out.push('post_public_update');
  if (s === 'resolved' || s === 'closed') out.push('record_satisfaction');
  if (s === 'resolved') out.push('close_with_review');
  if (s !== 'closed') out.push('merge');
  if (s === 'resolved' || s === 'closed') out.push('reopen');
  return out;
}

/** Where `transition` may go from a state (resolving and closing have their own forms). */
export function transitionTargets(s: TicketState): TicketState[] {
  return s === 'acknowledged' ? ['investigating'] : s === 'investigating' ? ['responding'] : s === 'responding' ? ['investigating'] : [];
}

export interface FormFields {
  assignee: string;
  role: string;
  text: string;
  level: SeverityLevel;
  reason: string;
  to: TicketState;
  remedyKind: RemedyKind;
  amount: string;
  description: string;
  rootCause: RootCauseKind | '';
  /** '' leaves it unjudged (or, when closing, as judged at resolve). */
  outcome: TicketOutcome | '';
  note: string;
  channel: string;
  promisedBy: string;
  score: string;
  reviewRootCause: string;
  category: string;
  actionsTaken: string;
  lessons: string;
  intoTicketId: string;
}

export const emptyFields = (t: Ticket): FormFields => ({
  assignee: '', role: '', text: '', level: t.level, reason: '', to: transitionTargets(t.state)[0] ?? 'investigating', remedyKind: 'refund', amount: '', description: '',
  rootCause: '', outcome: t.outcome?.value ?? '', note: '', channel: '', promisedBy: '', score: '', reviewRootCause: '', category: '', actionsTaken: '', lessons: '', intoTicketId: '',
});

/** A message key of the `act` section and its parameters, per field. */
export type FieldErrors = Partial<Record<keyof FormFields, [string, Record<string, string>?]>>;

/** The action body the form describes, or why it cannot be sent yet (checked again by the api and the responder). */
export function buildAction(kind: FormKind, f: FormFields, t: Ticket, now: Date): { body?: ActionBody; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const need = (field: keyof FormFields, label: string) => {
    if (!String(f[field]).trim()) errors[field] = ['required', { field: label }];
    return String(f[field]).trim();
  };
  const done = (body: ActionBody) => (Object.keys(errors).length ? { errors } : { body, errors });
  switch (kind) {
    case 'acknowledge':
    case 'pause_waiting':
    case 'resume_waiting':
      return done(kind === 'pause_waiting' && f.reason.trim() ? { type: kind, reason: f.reason.trim() } : { type: kind });
    case 'assign': {
      if (!f.assignee.trim() && !f.role) errors.assignee = ['required', { field: 'assignee' }];
      return done({ type: 'assign', ...(f.assignee.trim() && { assignee: f.assignee.trim() }), ...(f.role && { role: f.role }) });
    }
    case 'comment':
      return done({ type: 'comment', text: need('text', 'text') });
    case 'change_level': {
      const lowering = LEVELS.indexOf(f.level) < LEVELS.indexOf(t.level);
      if (lowering && !f.reason.trim()) errors.reason = ['lowerNeedsReason'];
      else need('reason', 'reason');
      return done({ type: 'change_level', level: f.level, reason: f.reason.trim() });
    }
    case 'transition':
      return done({ type: 'transition', to: f.to, ...(f.note.trim() && { note: f.note.trim() }) });
    case 'propose_remedy': {
      const amount = f.amount.trim() === '' ? undefined : Number(f.amount);
      if (amount !== undefined && !(Number.isFinite(amount) && amount >= 0)) errors.amount = ['badAmount'];
      const description = need('description', 'description');
      // 提出方案 with a promised time ("we call you back by …"): the ticket's promise clock starts.
      const promisedBy = promise(f, now, errors);
      return done({ type: 'propose_remedy', remedy: { kind: f.remedyKind, ...(amount !== undefined && { amount }), currency: 'CNY', description }, ...(promisedBy && { promisedBy }) });
    }
    case 'record_response':
      return done({ type: 'record_response', channel: need('channel', 'channel'), ...(f.text.trim() && { text: f.text.trim() }) });
    case 'resolve': {
      if (!f.rootCause) errors.rootCause = ['required', { field: 'rootCause' }];
      const note = need('note', 'note');
      return done({ type: 'resolve', rootCause: (f.rootCause || 'incidental') as RootCauseKind, note, ...(f.outcome && { outcome: f.outcome }) });
    }
    case 'post_public_update': {
      const text = need('text', 'text');
      const promisedBy = promise(f, now, errors);
      return done({ type: 'post_public_update', text, ...(promisedBy && { promisedBy }) });
    }
    case 'record_satisfaction': {
      const score = Number(f.score);
      if (!Number.isInteger(score) || score < 1 || score > 5) errors.score = ['required', { field: 'score' }];
      return done({ type: 'record_satisfaction', score, ...(f.note.trim() && { comment: f.note.trim() }) });
    }
    case 'close_with_review': {
      const rootCause = need('reviewRootCause', 'reviewRootCause');
      const category = need('category', 'category');
      const actionsTaken = f.actionsTaken.split('\n').map((l) => l.trim()).filter(Boolean);
      if (!actionsTaken.length) errors.actionsTaken = ['required', { field: 'actionsTaken' }];
      const score = f.score.trim() ? Number(f.score) : undefined;
      if (score !== undefined && !(Number.isInteger(score) && score >= 1 && score <= 5)) errors.score = ['required', { field: 'score' }];
      // Sent only when it changes the judgement recorded at resolve.
      const outcome = f.outcome && f.outcome !== t.outcome?.value ? { outcome: f.outcome } : {};
      return done({ type: 'close_with_review', review: { rootCause, category, actionsTaken, ...(f.lessons.trim() && { lessons: f.lessons.trim() }), ...(score !== undefined && { customerSatisfaction: score }) }, ...outcome });
    }
    case 'merge': {
      const into = f.intoTicketId.trim().toUpperCase();
      if (!/^CR-\d{4}-\d{6,}$/.test(into) || into === t.id) errors.intoTicketId = ['badTicket'];
      return done({ type: 'merge', intoTicketId: into, ...(f.reason.trim() && { reason: f.reason.trim() }) });
    }
    case 'reopen':
      return done({ type: 'reopen', reason: need('reason', 'reason') });
  }
}

/** The optional promised time of a form (a local datetime-local value), checked to lie ahead. */
function promise(f: FormFields, now: Date, errors: FieldErrors): string | undefined {
  if (!f.promisedBy) return undefined;
  const at = new Date(f.promisedBy);
  if (!(at.getTime() > now.getTime())) {
    errors.promisedBy = ['pastPromise'];
    return undefined;
  }
  return at.toISOString();
}
