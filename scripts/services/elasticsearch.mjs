// Elasticsearch 8.x single node (the integ-test distribution), fetched from Maven Central;
// as root it runs as a system user (it refuses root).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, checkJava, checkMaven, defaultUrls, esUser, homeDir, isRoot, log, ports, runMaven, ServiceError, versions, which } from './env.mjs';
import { alreadyRunning, ensurePortsFree, startDetached, waitFor } from './process.mjs';

function esDistDir() {
  return path.join(cacheDir, `elasticsearch-${versions.elasticsearch}`, `elasticsearch-${versions.elasticsearch}`);
}

export function fetchElasticsearch() {
  const dir = path.join(cacheDir, `elasticsearch-${versions.elasticsearch}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return esDistDir();
  const mvn = checkMaven();
  fs.mkdirSync(dir, { recursive: true });
  const artifact = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${versions.elasticsearch}:zip`;
  runMaven(mvn, ['org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${dir}`], dir, `Elasticsearch ${versions.elasticsearch}`);
  const zip = path.join(dir, `elasticsearch-${versions.elasticsearch}.zip`);
  fs.rmSync(esDistDir(), { recursive: true, force: true });
  const unzip = which('unzip');
  const r = unzip
    ? spawnSync(unzip, ['-q', '-o', zip, '-d', dir], { encoding: 'utf8' })
    : spawnSync(path.join(checkJava().home, 'bin', 'jar'), ['xf', zip], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new ServiceError(`unpacking ${zip} failed: ${r.stderr}`);
  // `jar` drops the exec bits; the start scripts need them.
  for (const f of fs.readdirSync(path.join(esDistDir(), 'bin'))) fs.chmodSync(path.join(esDistDir(), 'bin', f), 0o755);
  fs.rmSync(zip, { force: true });
  // The ES user must be able to read the distribution.
  spawnSync('chmod', ['-R', 'a+rX', dir]);
  fs.writeFileSync(done, new Date().toISOString());
  return esDistDir();
}

export async function esHealthy(url) {
  try {
    // `GET /` is missing in the integ-test distribution: ask cluster health instead.
    const r = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2000) });
    if (!r.ok) return false;
    const body = await r.json();
    return body.status === 'green' || body.status === 'yellow';
  } catch {
    return false;
  }
}

function ensureEsUser() {
  if (spawnSync('id', ['-u', esUser]).status === 0) return;
  const r = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', esUser], { encoding: 'utf8' });
  if (r.status !== 0) throw new ServiceError(`Elasticsearch refuses to run as root, and creating the user ${esUser} failed: ${r.stderr}`);
}

export async function startElasticsearch() {
  if (alreadyRunning('elasticsearch', 'Elasticsearch', defaultUrls.elasticsearchUrl)) return;
  await ensurePortsFree([ports.es, ports.esTransport], 'choose other ports with VIGIL_ES_PORT / VIGIL_ES_TRANSPORT_PORT (or set ELASTICSEARCH_URL to use that server)');
  const { home } = checkJava();
  const dist = fetchElasticsearch();
  const dir = path.join(homeDir, 'elasticsearch');
  const conf = path.join(dir, 'config');
  fs.mkdirSync(conf, { recursive: true });
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  fs.mkdirSync(path.join(homeDir, 'logs'), { recursive: true });
  for (const f of ['jvm.options', 'log4j2.properties']) fs.copyFileSync(path.join(dist, 'config', f), path.join(conf, f));
  fs.mkdirSync(path.join(conf, 'jvm.options.d'), { recursive: true });
  fs.writeFileSync(
    path.join(conf, 'elasticsearch.yml'),
    [
      'cluster.name: vigil',
      'node.name: vigil-1',
      'discovery.type: single-node',
      'network.host: 127.0.0.1',
      `http.port: ${ports.es}`,
      `transport.port: ${ports.esTransport}`,
      `path.data: ${path.join(dir, 'data')}`,
      `path.logs: ${path.join(dir, 'logs')}`,
      'cluster.routing.allocation.disk.threshold_enabled: false',
      // The integ-test zip does carry the security module; left on, the first start
      // auto-configures TLS and passwords. Local use only: see the README for production.
      'xpack.security.enabled: false',
      '',
    ].join('\n'),
  );
  const env = {
    ES_JAVA_HOME: home,
    ES_PATH_CONF: conf,
    ES_JAVA_OPTS: process.env.VIGIL_ES_HEAP ?? '-Xms512m -Xmx512m',
  };
  let cmd = path.join(dist, 'bin', 'elasticsearch');
  let args = [];
  if (isRoot) {
    ensureEsUser();
    spawnSync('chown', ['-R', `${esUser}:`, dir]);
    // setpriv execs in place (runuser would stay as a parent), so the pid we keep is ES's launcher.
    args = [`--reuid=${esUser}`, `--regid=${esUser}`, '--init-groups', '--', cmd];
    cmd = 'setpriv';
  }
  const logFile = path.join(homeDir, 'logs', 'elasticsearch.log');
  log(`starting Elasticsearch ${versions.elasticsearch} on ${defaultUrls.elasticsearchUrl} (log: ${logFile})`);
  const started = startDetached('elasticsearch', cmd, args, env, logFile);
  await waitFor('Elasticsearch', () => esHealthy(defaultUrls.elasticsearchUrl), 180_000, logFile, started);
  log('Elasticsearch is healthy');
}
