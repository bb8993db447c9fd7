// Real parts: a TLS server on 127.0.0.1 with a self-signed certificate (made by openssl) and the
// real Elasticsearch client; no Elasticsearch is needed, because the handshake is what fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errors } from '@elastic/elasticsearch';
import { SearchClient } from './search-client';
import { isTlsTrustFailure, isTransient } from './es-errors';

describe('an app started without the CA of a secured Elasticsearch', () => {
  let dir: string;
  let server: https.Server;
  let handshakes = 0;
  let url: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    server = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) }, (_req, res) => res.end('{}'));
    // Every refused handshake is one try of the client: what the test counts.
    server.on('tlsClientError', () => handshakes++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails its start at once with the certificate error instead of waiting as for a busy server', async () => {
    const client = new SearchClient({ node: url, indexPrefix: 'tls-test-', indices: ['clusters'], setupPatienceMs: 60_000 });
    try {
      const failed = await client.ensureIndices().then(() => undefined, (e: unknown) => e);
      expect(failed).toBeInstanceOf(errors.ConnectionError);
      expect((failed as Error).message).toMatch(/certificate/i);
      expect(isTlsTrustFailure(failed)).toBe(true);
      expect(isTransient(failed)).toBe(false);
      // The client's own tries of the set-up's first two reads (sent together, 1 + maxRetries 3
      // each), not the start-up's minute of tries again (the old check: dozens).
      expect(handshakes).toBeLessThanOrEqual(8);
    } finally {
      await client.onApplicationShutdown();
    }
  }, 90_000);

  it('still waits out a server that is away', () => {
    expect(isTransient(new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:19200'))).toBe(true);
    expect(isTlsTrustFailure(new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:19200'))).toBe(false);
  });
});
