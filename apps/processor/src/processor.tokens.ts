export const PROCESSOR_GROUP = Symbol('PROCESSOR_GROUP');

/** The processor's event-time policy (see event-time.ts). */
export const EVENT_TIME_POLICY = Symbol('EVENT_TIME_POLICY');
