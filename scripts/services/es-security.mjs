// Secured mode for the embedded Elasticsearch (`start --secure`): security on, TLS on HTTP with a
// CA and a node certificate made by the distribution's own elasticsearch-certutil, and two
// file-realm users: `vigil` with the role docs/security.md gives Vigil (its templates and
// `vigil-*` indices, cluster health), and `vigil-admin` (superuser: creates API keys, cleans up).
// With --cluster every node gets a certificate from the first node's CA (one CA file for the
// clients), TLS between the nodes too, and the same users and passwords.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { homeDir, nodes, ServiceError, which } from './env.mjs';

const VIGIL_ROLE = `vigil:
  cluster: [monitor, manage_index_templates]
  indices:
    - names: ['vigil-*']
      privileges: [all]
`;

function run(dist, tool, args, env) {
  const r = spawnSync(path.join(dist, 'bin', tool), args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new ServiceError(`${tool} ${args[0]} failed: ${r.stdout}${r.stderr}`);
}

function unzip(zip, dir) {
  const r = spawnSync(which('unzip') ?? 'unzip', ['-q', '-o', zip, '-d', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new ServiceError(`unpacking ${zip} failed: ${r.stderr}`);
}

/** Where the credentials of the secured node are kept (mode 0600), beside its data. */
export const credentialsFile = (name) => path.join(homeDir, name, 'credentials.json');

/** The first node's CA signs every node's certificate: one CA file for the clients. */
const caDir = () => path.join(homeDir, nodes.elasticsearch[0].name, 'config', 'certs', 'ca');

/** Certificates and users, made once per node folder; returns the settings lines for elasticsearch.yml. */
export function prepareSecurity(dist, conf, javaHome, name) {
  const certs = path.join(conf, 'certs');
  const env = { ES_JAVA_HOME: javaHome, ES_PATH_CONF: conf };
  if (!fs.existsSync(path.join(certs, 'http', 'http.crt'))) {
    fs.mkdirSync(certs, { recursive: true });
    const ownCa = path.join(certs, 'ca');
    if (!fs.existsSync(path.join(caDir(), 'ca.crt'))) {
      run(dist, 'elasticsearch-certutil', ['ca', '--pem', '--silent', '--out', path.join(certs, 'ca.zip')], env);
      unzip(path.join(certs, 'ca.zip'), certs);
    } else if (path.resolve(caDir()) !== path.resolve(ownCa)) {
      // Elasticsearch reads TLS files from its own config folder only: a copy of the shared CA.
      fs.mkdirSync(ownCa, { recursive: true });
      for (const f of ['ca.crt', 'ca.key']) fs.copyFileSync(path.join(caDir(), f), path.join(ownCa, f));
    }
    run(dist, 'elasticsearch-certutil', ['cert', '--pem', '--silent', '--name', 'http', '--ip', '127.0.0.1', '--dns', 'localhost', '--ca-cert', path.join(ownCa, 'ca.crt'), '--ca-key', path.join(ownCa, 'ca.key'), '--out', path.join(certs, 'http.zip')], env);
    unzip(path.join(certs, 'http.zip'), certs);
  }
  const credFile = credentialsFile(name);
  if (!fs.existsSync(credFile)) {
    fs.writeFileSync(path.join(conf, 'roles.yml'), VIGIL_ROLE);
    // The tool adds to these files and refuses to start without them.
    for (const f of ['users', 'users_roles']) fs.writeFileSync(path.join(conf, f), '', { flag: 'a' });
    // Every node's file realm holds the same users and passwords (the first node's, once made).
    const first = credentialsFile(nodes.elasticsearch[0].name);
    const creds = fs.existsSync(first)
      ? JSON.parse(fs.readFileSync(first, 'utf8'))
      : { username: 'vigil', password: randomBytes(18).toString('base64url'), adminUsername: 'vigil-admin', adminPassword: randomBytes(18).toString('base64url') };
    run(dist, 'elasticsearch-users', ['useradd', creds.username, '-p', creds.password, '-r', 'vigil'], env);
    run(dist, 'elasticsearch-users', ['useradd', creds.adminUsername, '-p', creds.adminPassword, '-r', 'superuser'], env);
    fs.writeFileSync(credFile, JSON.stringify(creds, null, 2), { mode: 0o600 });
  }
  const clustered = nodes.elasticsearch.length > 1;
  return [
    'xpack.security.enabled: true',
    'xpack.security.http.ssl.enabled: true',
    'xpack.security.http.ssl.key: certs/http/http.key',
    'xpack.security.http.ssl.certificate: certs/http/http.crt',
    'xpack.security.http.ssl.certificate_authorities: certs/ca/ca.crt',
    // One node on 127.0.0.1 has no transport peers to protect; a cluster's nodes talk over TLS,
    // each proving itself with its certificate from the shared CA.
    ...(clustered
      ? [
          'xpack.security.transport.ssl.enabled: true',
          'xpack.security.transport.ssl.verification_mode: certificate',
          'xpack.security.transport.ssl.key: certs/http/http.key',
          'xpack.security.transport.ssl.certificate: certs/http/http.crt',
          'xpack.security.transport.ssl.certificate_authorities: certs/ca/ca.crt',
        ]
      : ['xpack.security.transport.ssl.enabled: false']),
  ];
}

/** The settings Vigil needs to reach the secured node(s) (what `start --secure` prints): every node's URL, the one CA. */
export function secureClientEnv(node = nodes.elasticsearch[0]) {
  const creds = JSON.parse(fs.readFileSync(credentialsFile(node.name), 'utf8'));
  return {
    ELASTICSEARCH_URL: nodes.elasticsearch.map((n) => `https://127.0.0.1:${n.port}`).join(','),
    ELASTICSEARCH_CA_FILE: path.join(homeDir, node.name, 'config', 'certs', 'ca', 'ca.crt'),
    ELASTICSEARCH_USERNAME: creds.username,
    ELASTICSEARCH_PASSWORD: creds.password,
  };
}

/** Cluster health over TLS (checked against the CA) with the admin user: green or yellow, every node joined. */
export function secureEsHealthy(node) {
  let creds;
  let ca;
  try {
    creds = JSON.parse(fs.readFileSync(credentialsFile(node.name), 'utf8'));
    ca = fs.readFileSync(path.join(homeDir, node.name, 'config', 'certs', 'ca', 'ca.crt'));
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const req = https.get(
      { host: '127.0.0.1', port: node.port, path: '/_cluster/health', ca, auth: `${creds.adminUsername}:${creds.adminPassword}`, timeout: 2000 },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => {
          try {
            const h = JSON.parse(body);
            resolve(res.statusCode === 200 && (h.status === 'green' || h.status === 'yellow') && h.number_of_nodes >= nodes.elasticsearch.length);
          } catch {
            resolve(false);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}
