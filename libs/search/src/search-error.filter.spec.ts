import { describe, expect, it } from 'vitest';
import { BadRequestException, type ArgumentsHost } from '@nestjs/common';
import { errors } from '@elastic/elasticsearch';
import { SearchErrorFilter } from './search-error.filter';

/** A response that records what the filter sends (the filter's only collaborator). */
function host() {
  const sent: { status?: number; body?: unknown } = {};
  const res = { status: (c: number) => ((sent.status = c), res), json: (b: unknown) => void (sent.body = b) };
  const h = { switchToHttp: () => ({ getResponse: () => res }), getArgByIndex: () => res, getArgs: () => [undefined, res], getType: () => 'http' } as unknown as ArgumentsHost;
  return { h, sent };
}

const adapter = { reply: (res: { status(c: number): { json(b: unknown): void } }, body: unknown, status: number) => res.status(status).json(body), isHeadersSent: () => false, end: () => undefined } as never;

describe('SearchErrorFilter (issue 20, item 9)', () => {
  const filter = new SearchErrorFilter(adapter);

  it('answers a query Elasticsearch refused with a plain 400, without its text', () => {
    const { h, sent } = host();
    const e = new errors.ResponseError({ body: { error: { type: 'search_phase_execution_exception', reason: 'Result window is too large, from + size must be less than or equal to: [10000]' } }, statusCode: 400, headers: {}, warnings: null, meta: {} as never });
    filter.catch(e, h);
    expect(sent).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'the search could not be run with these parameters' } });
  });

  it('answers a server that is away with 503', () => {
    const { h, sent } = host();
    filter.catch(new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:19200'), h);
    expect(sent.status).toBe(503);
    expect(JSON.stringify(sent.body)).not.toContain('19200');
  });

  it('leaves Nest’s own exceptions as they are', () => {
    const { h, sent } = host();
    filter.catch(new BadRequestException({ statusCode: 400, message: 'invalid request', issues: [] }), h);
    expect(sent).toEqual({ status: 400, body: { statusCode: 400, message: 'invalid request', issues: [] } });
  });
});
