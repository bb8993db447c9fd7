export const PROCESSOR_GROUP = Symbol('PROCESSOR_GROUP');
