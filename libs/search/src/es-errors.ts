import { errors } from '@elastic/elasticsearch';

/** Status checks on Elasticsearch response errors, so apps need not import the client's error classes. */
export const isStatus = (e: unknown, status: number): boolean => e instanceof errors.ResponseError && e.statusCode === status;
export const isConflict = (e: unknown): boolean => isStatus(e, 409);
export const isNotFound = (e: unknown): boolean => isStatus(e, 404);
export const isAlreadyExists = (e: unknown): boolean => e instanceof errors.ResponseError && e.body?.error?.type === 'resource_already_exists_exception';
