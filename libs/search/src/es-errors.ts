import { errors } from '@elastic/elasticsearch';

/** Status checks on Elasticsearch response errors, so apps need not import the client's error classes. */
export const isStatus = (e: unknown, status: number): boolean => e instanceof errors.ResponseError && e.statusCode === status;
export const isConflict = (e: unknown): boolean => isStatus(e, 409);
export const isNotFound = (e: unknown): boolean => isStatus(e, 404);
export const isAlreadyExists = (e: unknown): boolean => e instanceof errors.ResponseError && e.body?.error?.type === 'resource_already_exists_exception';

/**
 * A failure that says the server is busy or away, not that the request is wrong: timeouts, lost
 * connections, and 429/502/503/504 after the client's own retries. Worth trying again later.
 */
export const isTransient = (e: unknown): boolean =>
  e instanceof errors.TimeoutError ||
  e instanceof errors.ConnectionError ||
  e instanceof errors.NoLivingConnectionsError ||
  (e instanceof errors.ResponseError && [429, 502, 503, 504].includes(e.statusCode ?? 0));
