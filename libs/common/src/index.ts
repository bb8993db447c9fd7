export * from './config';
export * from './logger';
export * from './clock';
export * from './backoff';
export * from './health';
export * from './health.module';
export * from './address-guard';
