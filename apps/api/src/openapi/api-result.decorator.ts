import { ApiResponse } from '@nestjs/swagger';
import type { ZodDto } from 'nestjs-zod';
import type { z } from 'zod';

type Returns<T> = (...args: never[]) => T | Promise<T>;

/**
 * The success answer of a route, described by its zod schema: the OpenAPI document (and so the
 * dashboard's generated types) carries it, and the compiler holds the handler's return type to it.
 * Nothing is parsed at run time: the data comes from our own stores, already validated where it
 * entered, and a second parse of every search page would cost more than it could catch.
 * `status` is documentation only; `@HttpCode` sets it where it is not Nest's default.
 */
export function ApiResult<S extends z.ZodType>(dto: ZodDto<S>, opts: { status?: number; description?: string } = {}) {
  return (target: object, key: string | symbol, descriptor: Pick<TypedPropertyDescriptor<Returns<z.output<S>>>, 'value'>): void => {
    ApiResponse({ status: opts.status ?? 200, description: opts.description ?? '', type: dto.Output })(target, key, descriptor as PropertyDescriptor);
  };
}

/** The same for a route that answers a JSON array of one schema. */
export function ApiResultList<S extends z.ZodType>(dto: ZodDto<S>, opts: { description?: string } = {}) {
  return (target: object, key: string | symbol, descriptor: Pick<TypedPropertyDescriptor<Returns<z.output<S>[]>>, 'value'>): void => {
    ApiResponse({ status: 200, description: opts.description ?? '', type: [dto.Output] })(target, key, descriptor as PropertyDescriptor);
  };
}
