/** What other apps compose or reuse: the module, its config, and the read side of tickets. */
export { ResponderModule, type ResponderModuleOptions } from './responder.module';
export { ResponderConfig, loadResponderConfig } from './responder.config';
export { TicketsRepository, ACTIVE_STATES } from './tickets/tickets.repository';
export { responderIndexNames, responderIndexDefinitions } from './tickets/tickets.mapping';
export { SlaTicker } from './clock/sla-ticker.service';
export { PlanStore, PlanFileError } from './plan/plan.store';
