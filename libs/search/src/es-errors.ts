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
  (e instanceof errors.ConnectionError && !isTlsTrustFailure(e)) ||
  e instanceof errors.NoLivingConnectionsError ||
  (e instanceof errors.ResponseError && [429, 502, 503, 504].includes(e.statusCode ?? 0));

/**
 * A connection refused by TLS: an untrusted or mismatched certificate, or https spoken to plain
 * http. The client reports it as a ConnectionError like a server that is away, but waiting does
 * not fix a missing or wrong `ELASTICSEARCH_CA_FILE`: an app's start used to try again for its
 * whole patience (10 minutes) before it said so (found by the secured check, 2026-12-07).
 */
export const isTlsTrustFailure = (e: unknown): boolean =>
  e instanceof errors.ConnectionError &&
  /certificate|self[- ]signed|CERT_|ERR_TLS|ERR_SSL|SSL routines|wrong version number|altnames/i.test(e.message);
