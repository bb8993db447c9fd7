/** What other apps compose or reuse: the module and its config (tickets are read through `@vigil/search`'s TicketsReader). */
export { ResponderModule, type ResponderModuleOptions } from './responder.module';
export { ResponderConfig, loadResponderConfig } from './responder.config';
export { SlaTicker } from './clock/sla-ticker.service';
export { PlanStore } from './plan/plan.store';
export { PlanFileError, readPlanFile } from './plan/plan-file';
