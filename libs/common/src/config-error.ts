/** A configuration the process cannot run with; its message lists every bad key. */
export class ConfigError extends Error {}
