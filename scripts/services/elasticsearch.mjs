// Elasticsearch 8.x, one node or two in cluster mode (the integ-test distribution), fetched from Maven Central;
// as root it runs as a system user (it refuses root).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, checkJava, checkMaven, defaultUrls, esUser, homeDir, isRoot, log, nodes, runMaven, secure, ServiceError, versions, which } from './env.mjs';
import { prepareSecurity, secureEsHealthy } from './es-security.mjs';
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

/** Green or yellow, and (in cluster mode) with every node joined. */
export async function esHealthy(url, nodeCount = 1) {
  try {
    // `GET /` is missing in the integ-test distribution: ask cluster health instead.
    const r = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2000) });
    if (!r.ok) return false;
    const body = await r.json();
    return (body.status === 'green' || body.status === 'yellow') && body.number_of_nodes >= nodeCount;
  } catch {
    return false;
  }
}

function ensureEsUser() {
  if (spawnSync('id', ['-u', esUser]).status === 0) return;
  const r = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', esUser], { encoding: 'utf8' });
  if (r.status !== 0) throw new ServiceError(`Elasticsearch refuses to run as root, and creating the user ${esUser} failed: ${r.stderr}`);
}

/** Starts every node not yet running (one, or two in cluster mode) and waits for the cluster. */
export async function startElasticsearch() {
  const todo = nodes.elasticsearch.filter((n) => !alreadyRunning(n.name, nodes.elasticsearch.length > 1 ? `Elasticsearch ${n.name}` : 'Elasticsearch', `${secure ? 'https' : 'http'}://127.0.0.1:${n.port}`));
  const started = [];
  for (const n of todo) started.push(await launchEsNode(n));
  for (const [n, pid, logFile] of started) await waitFor(`Elasticsearch ${n.name}`, () => nodeHealthy(n), 180_000, logFile, pid);
  if (todo.length) log(`Elasticsearch is healthy (${defaultUrls.elasticsearchUrl})`);
}

/** Starts one node again (the chaos suite restarts the one it killed); waits until it has joined. */
export async function startElasticsearchNode(name) {
  const n = nodes.elasticsearch.find((e) => e.name === name);
  if (!n) throw new ServiceError(`no Elasticsearch node ${name}`);
  const [, pid, logFile] = await launchEsNode(n);
  await waitFor(`Elasticsearch ${n.name}`, () => nodeHealthy(n), 180_000, logFile, pid);
}

const nodeHealthy = (n) => (secure ? secureEsHealthy(n) : esHealthy(`http://127.0.0.1:${n.port}`, nodes.elasticsearch.length));

function esSettings(n, dir, security) {
  const clustered = nodes.elasticsearch.length > 1;
  return [
    'cluster.name: vigil',
    `node.name: vigil-${n.id}`,
    ...(clustered
      ? [
          `discovery.seed_hosts: [${nodes.elasticsearch.map((e) => `"127.0.0.1:${e.transportPort}"`).join(', ')}]`,
          `cluster.initial_master_nodes: [${nodes.elasticsearch.map((e) => `"vigil-${e.id}"`).join(', ')}]`,
        ]
      : ['discovery.type: single-node']),
    'network.host: 127.0.0.1',
    `http.port: ${n.port}`,
    `transport.port: ${n.transportPort}`,
    `path.data: ${path.join(dir, 'data')}`,
    `path.logs: ${path.join(dir, 'logs')}`,
    'cluster.routing.allocation.disk.threshold_enabled: false',
    // The integ-test zip does carry the security module; left on, the first start
    // auto-configures TLS and passwords. Local use only: see the README for production.
    // `--secure` turns it on with our own CA and users (es-security.mjs).
    ...(security ?? ['xpack.security.enabled: false']),
    '',
  ].join('\n');
}

async function launchEsNode(n) {
  await ensurePortsFree([n.port, n.transportPort], 'choose other ports with VIGIL_ES_PORT / VIGIL_ES_TRANSPORT_PORT (or set ELASTICSEARCH_URL to use that server)');
  const { home } = checkJava();
  const dist = fetchElasticsearch();
  const dir = path.join(homeDir, n.name);
  const conf = path.join(dir, 'config');
  fs.mkdirSync(conf, { recursive: true });
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  fs.mkdirSync(path.join(homeDir, 'logs'), { recursive: true });
  for (const f of ['jvm.options', 'log4j2.properties']) fs.copyFileSync(path.join(dist, 'config', f), path.join(conf, f));
  fs.mkdirSync(path.join(conf, 'jvm.options.d'), { recursive: true });
  const security = secure ? prepareSecurity(dist, conf, home, n.name) : undefined;
  fs.writeFileSync(path.join(conf, 'elasticsearch.yml'), esSettings(n, dir, security));
  const env = {
    ES_JAVA_HOME: home,
    ES_PATH_CONF: conf,
    ES_JAVA_OPTS: process.env.VIGIL_ES_HEAP ?? (nodes.elasticsearch.length > 1 ? '-Xms768m -Xmx768m' : '-Xms512m -Xmx512m'),
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
  const logFile = path.join(homeDir, 'logs', `${n.name}.log`);
  log(`starting Elasticsearch ${versions.elasticsearch}${nodes.elasticsearch.length > 1 ? ` ${n.name}` : ''} on ${secure ? 'https' : 'http'}://127.0.0.1:${n.port} (log: ${logFile})`);
  const pid = startDetached(n.name, cmd, args, env, logFile);
  return [n, pid, logFile];
}
