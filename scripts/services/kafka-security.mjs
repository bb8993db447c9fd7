// Secured mode for the embedded Kafka (`start --secure`): clients speak SASL_SSL only — TLS with a
// certificate signed by a CA made here with openssl (one CA for every broker of the state folder),
// and SASL/SCRAM-SHA-512 users made when the storage is formatted: `vigil` for the apps,
// `vigil-admin` (the brokers' own user between each other; the check uses it to clean up) and
// `vigil-outsider`, an authenticated user given no ACL (the check shows the authorizer refuses it).
// The StandardAuthorizer is on with nothing allowed unless an ACL says so: `vigil-admin` and the
// brokers are super users, `vigil` gets its ACLs (`applyAcls`) after the brokers start.
// The KRaft controller listener is TLS with client certificates (mutual TLS) on 127.0.0.1: with the
// authorizer on, a controller asks who a broker is before it lets it register, and on plain text
// every caller would be the same anonymous user, which would have to be a super user.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { homeDir, ServiceError, which } from './env.mjs';
import { allAppAcls, appUsername, KAFKA_APPS } from './kafka-app-acls.mjs';

export const tlsDir = () => path.join(homeDir, 'kafka-tls');
const credentialsFile = () => path.join(homeDir, 'kafka-credentials.json');
export const SASL_MECHANISM = 'SCRAM-SHA-512';
/** Made at format time in folders formatted since ACLs came in; older ones lack it (the check says so). */
export const OUTSIDER = 'vigil-outsider';

function openssl(args, what) {
  const bin = which('openssl');
  if (!bin) throw new ServiceError('openssl not found: --secure makes the Kafka CA and certificates with it (`apt-get install openssl`).');
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new ServiceError(`openssl (${what}) failed: ${r.stdout}${r.stderr}`);
}

/** The CA (made once per state folder) and this broker's PKCS12 keystore, valid for 127.0.0.1 and localhost. */
function prepareCertificates(n) {
  const dir = tlsDir();
  const ca = path.join(dir, 'ca.crt');
  const caKey = path.join(dir, 'ca.key');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(ca)) {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=Vigil embedded Kafka CA', '-keyout', caKey, '-out', ca], 'CA');
  }
  const store = path.join(dir, `${n.name}.p12`);
  const storePassword = readCredentials().keystorePassword;
  if (!fs.existsSync(store)) {
    const key = path.join(dir, `${n.name}.key`);
    const csr = path.join(dir, `${n.name}.csr`);
    const crt = path.join(dir, `${n.name}.crt`);
    const ext = path.join(dir, `${n.name}.ext`);
    fs.writeFileSync(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${n.name}`, '-keyout', key, '-out', csr], 'broker key');
    openssl(['x509', '-req', '-in', csr, '-CA', ca, '-CAkey', caKey, '-CAcreateserial', '-days', '3650', '-extfile', ext, '-out', crt], 'broker certificate');
    openssl(['pkcs12', '-export', '-in', crt, '-inkey', key, '-certfile', ca, '-name', n.name, '-passout', `pass:${storePassword}`, '-out', store], 'keystore');
    for (const f of [key, csr, ext]) fs.rmSync(f, { force: true });
  }
  return { ca, store, storePassword };
}

/** The users and the keystore password of this state folder (made once, mode 0600). */
export function readCredentials() {
  const file = credentialsFile();
  if (!fs.existsSync(file)) {
    const creds = {
      username: 'vigil',
      password: randomBytes(18).toString('base64url'),
      adminUsername: 'vigil-admin',
      adminPassword: randomBytes(18).toString('base64url'),
      outsiderPassword: randomBytes(18).toString('base64url'),
      keystorePassword: randomBytes(18).toString('base64url'),
    };
    fs.mkdirSync(homeDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  }
  const creds = JSON.parse(fs.readFileSync(file, 'utf8'));
  let changed = false;
  if (!creds.outsiderPassword) {
    // A folder from before the outsider user: its password is written now; the user itself exists
    // only once the storage is formatted again (`services reset`).
    creds.outsiderPassword = randomBytes(18).toString('base64url');
    changed = true;
  }
  // One user per app (kafka-app-acls.mjs). A folder formatted before they existed gets them from
  // the running broker (addMissingAppUsers); `appUsersInStorage` says whether that is still to do.
  creds.appPasswords ??= {};
  for (const app of KAFKA_APPS) {
    if (creds.appPasswords[app]) continue;
    creds.appPasswords[app] = randomBytes(18).toString('base64url');
    creds.appUsersInStorage = false;
    changed = true;
  }
  if (changed) fs.writeFileSync(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  return creds;
}

function markAppUsersInStorage() {
  const creds = readCredentials();
  creds.appUsersInStorage = true;
  fs.writeFileSync(credentialsFile(), JSON.stringify(creds, null, 2), { mode: 0o600 });
}

/** The storage is being formatted with every user of the credentials file (scramFormatArgs). */
export function formattedWithAppUsers() {
  markAppUsersInStorage();
}

/** Arguments for `kafka-storage format`: the SCRAM users go into the metadata log with the cluster's first record. */
export function scramFormatArgs() {
  const c = readCredentials();
  return [
    [c.adminUsername, c.adminPassword],
    [c.username, c.password],
    [OUTSIDER, c.outsiderPassword],
    ...KAFKA_APPS.map((app) => [appUsername(app), c.appPasswords[app]]),
  ].flatMap(([name, password]) => ['--add-scram', `${SASL_MECHANISM}=[name=${name},password=${password}]`]);
}

/** The principal a broker's certificate gives it on the mutual-TLS controller listener. */
const brokerPrincipal = (n) => `User:CN=${n.name}`;

/** server.properties lines that replace the PLAINTEXT client listener with SASL_SSL and turn the authorizer on. */
export function secureListenerProperties(n, allNodes) {
  const { ca, store, storePassword } = prepareCertificates(n);
  const c = readCredentials();
  return [
    `listeners=SASL_SSL://127.0.0.1:${n.port},CONTROLLER://127.0.0.1:${n.controllerPort}`,
    `advertised.listeners=SASL_SSL://127.0.0.1:${n.port}`,
    'listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SSL',
    'listener.name.controller.ssl.client.auth=required',
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found=false',
    `super.users=${[`User:${c.adminUsername}`, ...allNodes.map(brokerPrincipal)].join(';')}`,
    'inter.broker.listener.name=SASL_SSL',
    `sasl.enabled.mechanisms=${SASL_MECHANISM}`,
    `sasl.mechanism.inter.broker.protocol=${SASL_MECHANISM}`,
    `listener.name.sasl_ssl.${SASL_MECHANISM.toLowerCase()}.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${c.adminUsername}" password="${c.adminPassword}";`,
    'ssl.keystore.type=PKCS12',
    `ssl.keystore.location=${store}`,
    `ssl.keystore.password=${storePassword}`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${ca}`,
  ];
}

/** The settings Vigil needs to reach the secured brokers (what `start --secure` prints). */
export function secureKafkaClientEnv(kafkaBrokers) {
  const c = readCredentials();
  return {
    KAFKA_BROKERS: kafkaBrokers,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: path.join(tlsDir(), 'ca.crt'),
    KAFKA_SASL_MECHANISM: SASL_MECHANISM.toLowerCase(),
    KAFKA_SASL_USERNAME: c.username,
    KAFKA_SASL_PASSWORD: c.password,
  };
}

/**
 * The settings of one app's own user (`services env --app <name>`): the same as secureKafkaClientEnv
 * but `vigil-<app>`, whose ACLs reach only that app's topics and groups (kafka-app-acls.mjs).
 */
export function secureKafkaAppEnv(app, kafkaBrokers) {
  if (!KAFKA_APPS.includes(app)) throw new ServiceError(`no Kafka user for app ${app} (apps with one: ${KAFKA_APPS.join(', ')})`);
  return { ...secureKafkaClientEnv(kafkaBrokers), KAFKA_SASL_USERNAME: appUsername(app), KAFKA_SASL_PASSWORD: readCredentials().appPasswords[app] };
}

/** kafkajs connection options for the admin user (health checks and clean-up). */
export function secureKafkaAdminOptions() {
  const c = readCredentials();
  return {
    ssl: { ca: [fs.readFileSync(path.join(tlsDir(), 'ca.crt'), 'utf8')] },
    sasl: { mechanism: SASL_MECHANISM.toLowerCase(), username: c.adminUsername, password: c.adminPassword },
  };
}

/** A broker formatted before --secure has no SCRAM users: say how to get a secured one. */
export function refuseUnsecuredData(n, dataDir) {
  if (fs.existsSync(path.join(dataDir, 'meta.properties')) && !fs.existsSync(path.join(tlsDir(), `${n.name}.p12`))) {
    throw new ServiceError(`${dataDir} holds a Kafka formatted without --secure (no SCRAM users): use another VIGIL_HOME, or \`npm run services -- reset\` it first (this deletes its data)`);
  }
}

/**
 * What the apps' user may do, and nothing more: read, write, create and delete topics and use
 * consumer groups (any name: tests and the chaos suite give each run its own prefix, and topics
 * are created by the apps at start), describe the cluster, produce idempotently and in
 * transactions (the detector's signals: one transactional id per partition it holds). It may not
 * change ACLs, users or broker settings. A deployment narrows the topics and groups to its
 * `VIGIL_TOPIC_PREFIX` (docs/security.md). Creating an ACL that exists is a no-op, so this runs
 * on every start.
 */
export function appAcls(kafkajs, username) {
  const { AclResourceTypes: R, AclOperationTypes: O, AclPermissionTypes: P, ResourcePatternTypes: T } = kafkajs;
  const allow = (resourceType, resourceName, ops) =>
    ops.map((operation) => ({ resourceType, resourceName, resourcePatternType: T.LITERAL, principal: `User:${username}`, host: '*', operation, permissionType: P.ALLOW }));
  return [
    ...allow(R.TOPIC, '*', [O.READ, O.WRITE, O.CREATE, O.DELETE, O.DESCRIBE, O.DESCRIBE_CONFIGS]),
    ...allow(R.GROUP, '*', [O.READ, O.DESCRIBE, O.DELETE]),
    ...allow(R.CLUSTER, 'kafka-cluster', [O.DESCRIBE, O.IDEMPOTENT_WRITE]),
    ...allow(R.TRANSACTIONAL_ID, '*', [O.WRITE, O.DESCRIBE]),
  ];
}

async function asAdmin(kafkajs, brokers, fn) {
  const admin = new kafkajs.Kafka({ brokers: brokers.split(','), clientId: 'vigil-services', logCreator: () => () => {}, ...secureKafkaAdminOptions() }).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Gives the apps' user its ACLs, and each app's own user the ACLs for the topics of
 * `VIGIL_TOPIC_PREFIX` (none: the names of libs/contracts), as the admin user (a super user).
 */
export async function applyAcls(kafkajs, brokers, topicPrefix = process.env.VIGIL_TOPIC_PREFIX ?? '') {
  await asAdmin(kafkajs, brokers, (admin) => admin.createAcls({ acl: [...appAcls(kafkajs, readCredentials().username), ...allAppAcls(kafkajs, topicPrefix)] }));
}

/** Per-app ACLs for another topic prefix (a test run's own), as the admin user. */
export async function applyAppAcls(kafkajs, brokers, topicPrefix) {
  await asAdmin(kafkajs, brokers, (admin) => admin.createAcls({ acl: allAppAcls(kafkajs, topicPrefix) }));
}

/** Removes what applyAppAcls gave for that prefix: its topics and groups (the cluster ACLs every prefix shares stay). */
export async function removeAppAcls(kafkajs, brokers, topicPrefix) {
  const filters = allAppAcls(kafkajs, topicPrefix).filter((a) => a.resourceType !== kafkajs.AclResourceTypes.CLUSTER);
  await asAdmin(kafkajs, brokers, (admin) => admin.deleteAcls({ filters }));
}

/**
 * SCRAM users of a folder formatted before the per-app users existed, added on the running brokers
 * with Kafka's own ConfigCommand as the admin user (kafkajs has no call for it); once per folder.
 */
export function addMissingAppUsers(java, cp, brokers) {
  const c = readCredentials();
  if (c.appUsersInStorage) return [];
  const props = path.join(tlsDir(), 'admin-client.properties');
  fs.writeFileSync(
    props,
    [
      'security.protocol=SASL_SSL',
      `sasl.mechanism=${SASL_MECHANISM}`,
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${c.adminUsername}" password="${c.adminPassword}";`,
      'ssl.truststore.type=PEM',
      `ssl.truststore.location=${path.join(tlsDir(), 'ca.crt')}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  try {
    for (const app of KAFKA_APPS) {
      const r = spawnSync(java, ['-cp', cp, 'kafka.admin.ConfigCommand', '--bootstrap-server', brokers, '--command-config', props, '--alter', '--entity-type', 'users', '--entity-name', appUsername(app), '--add-config', `${SASL_MECHANISM}=[password=${c.appPasswords[app]}]`], { encoding: 'utf8' });
      if (r.status !== 0) throw new ServiceError(`adding the Kafka user ${appUsername(app)} failed: ${`${r.stdout}${r.stderr}`.trim().split('\n').slice(-3).join(' ')}`);
    }
  } finally {
    fs.rmSync(props, { force: true });
  }
  markAppUsersInStorage();
  return KAFKA_APPS.map(appUsername);
}
