import fs from 'node:fs';
import path from 'node:path';
import { parseAllowList } from '@vigil/common';
import { HttpFetcher, type HttpFetcherOptions } from '../../apps/collector/src/http/http-fetcher';
import { parseSourcesFile, type SourceConfig } from '../../apps/collector/src/sources/sources-config';

export const fixturePath = (p: string): string => path.resolve(__dirname, '../fixtures', p);
export const fixture = (p: string): string => fs.readFileSync(fixturePath(p), 'utf8');

/** A fetcher as the collector builds it, allowed to reach test servers on 127.0.0.1 only (any port unless `over` narrows it). */
export function testFetcher(over: Partial<HttpFetcherOptions> = {}): HttpFetcher {
  return new HttpFetcher({ timeoutMs: 2_000, maxBytes: 1_000_000, allowedHosts: parseAllowList('127.0.0.1:*'), perHostRate: 1000, userAgent: 'vigil-test', ...over });
}

/** One source parsed from YAML exactly as the sources file would be. */
export function sourceFrom<T extends SourceConfig['type']>(yaml: string, env: NodeJS.ProcessEnv = {}): Extract<SourceConfig, { type: T }> {
  return parseSourcesFile(`sources:\n${yaml.replace(/^/gm, '    ').replace(/^ {4}/, '  - ')}\n`, path.join(fixturePath(''), 'sources.yaml'), env).sources[0] as Extract<SourceConfig, { type: T }>;
}
