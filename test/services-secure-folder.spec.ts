import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.join(__dirname, '../scripts/services.mjs');
/** `services.mjs <cmd>` on a state folder of the test's own, with no setting that would choose a mode. */
function services(home: string, cmd: string, ...args: string[]): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VIGIL_|KAFKA_|ELASTICSEARCH_)/.test(k)));
  const r = spawnSync(process.execPath, [script, cmd, ...args], { env: { ...env, VIGIL_HOME: home, VIGIL_KAFKA_PORT: '22992', VIGIL_ES_PORT: '22993' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`services ${cmd} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** A state folder as `start --secure` leaves it after `stop`: the users and CA files, no run marker. */
function stoppedSecureFolder(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-secure-folder-'));
  fs.writeFileSync(path.join(home, 'kafka-credentials.json'), JSON.stringify({ username: 'vigil', password: 'k-secret', adminUsername: 'vigil-admin', adminPassword: 'a', outsiderPassword: 'o', keystorePassword: 's' }));
  fs.mkdirSync(path.join(home, 'elasticsearch'));
  fs.writeFileSync(path.join(home, 'elasticsearch', 'credentials.json'), JSON.stringify({ username: 'vigil', password: 'e-secret', adminUsername: 'vigil-admin', adminPassword: 'a' }));
  return home;
}

describe('a state folder started with --secure', () => {
  it('stays secured after stop: the settings for the apps carry its users and CA files', () => {
    const out = services(stoppedSecureFolder(), 'env');
    expect(out).toContain('KAFKA_SASL_USERNAME=vigil\n');
    expect(out).toContain('KAFKA_SASL_PASSWORD=k-secret\n');
    expect(out).toContain('KAFKA_SSL=true\n');
    expect(out).toContain('ELASTICSEARCH_URL=https://127.0.0.1:22993\n');
    expect(out).toContain('ELASTICSEARCH_PASSWORD=e-secret\n');
  });

  it("gives an app its own Kafka user (env --app), made once per folder and kept", () => {
    const home = stoppedSecureFolder();
    const out = services(home, 'env', '--app', 'processor');
    const creds = JSON.parse(fs.readFileSync(path.join(home, 'kafka-credentials.json'), 'utf8')) as { appPasswords: Record<string, string>; appUsersInStorage: boolean };
    expect(out).toContain('KAFKA_SASL_USERNAME=vigil-processor\n');
    expect(out).toContain(`KAFKA_SASL_PASSWORD=${creds.appPasswords.processor}\n`);
    expect(Object.keys(creds.appPasswords).sort()).toEqual(['api', 'collector', 'detector', 'indexer', 'processor', 'responder']);
    // Made after the storage was formatted: the next start adds them to the running broker.
    expect(creds.appUsersInStorage).toBe(false);
    expect(services(home, 'env', '--app', 'processor')).toBe(out);
    expect(services(home, 'env')).toContain('KAFKA_SASL_USERNAME=vigil\n');
  });

  it('is plain again after reset, which removes the secured servers\' users and CA', () => {
    const home = stoppedSecureFolder();
    services(home, 'reset');
    const out = services(home, 'env');
    expect(out).not.toContain('KAFKA_SASL');
    expect(out).toContain('ELASTICSEARCH_URL=http://127.0.0.1:22993\n');
    expect(fs.existsSync(path.join(home, 'kafka-credentials.json'))).toBe(false);
  });
});
