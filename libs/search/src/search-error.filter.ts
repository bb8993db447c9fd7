import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { errors } from '@elastic/elasticsearch';
import { createLogger } from '@vigil/common';

interface Res {
  headersSent?: boolean;
  status(code: number): Res;
  json(body: unknown): void;
}

/**
 * Elasticsearch's own error text (index names, query internals, Java exceptions) never reaches a
 * client: a query it refused is a 400 saying so, a server that is away a 503; the full reason is
 * logged. Everything else goes to Nest's own handling (HttpExceptions as thrown, the rest a bare 500).
 */
@Catch()
export class SearchErrorFilter extends BaseExceptionFilter implements ExceptionFilter {
  private readonly logger = createLogger('api');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof HttpException || !(exception instanceof errors.ElasticsearchClientError)) return super.catch(exception, host);
    const res = host.switchToHttp().getResponse<Res>();
    const status = exception instanceof errors.ResponseError ? exception.statusCode : undefined;
    this.logger.warn({ err: exception.message.slice(0, 2000), status }, 'search request failed');
    if (res.headersSent) return;
    if (status === 400) {
      res.status(400).json({ statusCode: 400, error: 'Bad Request', message: 'the search could not be run with these parameters' });
    } else {
      res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: 'search is unavailable at the moment; try again shortly' });
    }
  }
}
