import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { Session } from 'node:inspector/promises';

/**
 * Where the CPU went during a timed part of a benchmark: this process, the Elasticsearch and
 * Kafka JVMs (found by the port they listen on), and everyone else on the machine (the other
 * tenants of the two shared cores). Read from /proc, so Linux only; elsewhere the servers'
 * figures are left out. CPU-seconds per phase tell what bounds a pipeline better than its wall
 * time on a machine whose neighbours take most of the cores.
 */
export interface CpuSnapshot {
  at: number;
  /** This process and the app processes it watches. */
  self: number;
  /** CPU-seconds of each watched app by name (instances of one app summed); this process is `bench`. */
  apps: Record<string, number>;
  es: number;
  kafka: number;
  machineBusy: number;
  machineTotal: number;
}

const TICK = 100; // USER_HZ on Linux

function pidOnPort(port: number): number | undefined {
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const m = out.match(/pid=(\d+)/);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function procSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    // Fields after the command (which may hold spaces) start after the last ')'.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()!.trim().split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK; // utime + stime
  } catch {
    return 0;
  }
}

function machineSeconds(): { busy: number; total: number } {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    const idle = cpu[3] + (cpu[4] ?? 0);
    return { busy: (total - idle) / TICK, total: total / TICK };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export class CpuAccounting {
  private readonly esPid: number | undefined;
  private readonly kafkaPid: number | undefined;
  /** App processes started by the benchmark, counted with this one. */
  appPids: { name: string; pid: number }[] = [];

  constructor(esUrl: string, kafkaBrokers: string) {
    this.esPid = pidOnPort(Number(new URL(esUrl).port));
    this.kafkaPid = pidOnPort(Number(kafkaBrokers.split(',')[0].split(':').pop()));
  }

  snapshot(): CpuSnapshot {
    const u = process.cpuUsage();
    const m = machineSeconds();
    const apps: Record<string, number> = { bench: (u.user + u.system) / 1e6 };
    for (const { name, pid } of this.appPids) apps[name] = (apps[name] ?? 0) + procSeconds(pid);
    const self = Object.values(apps).reduce((a, b) => a + b, 0);
    return { at: Date.now(), self, apps, es: procSeconds(this.esPid), kafka: procSeconds(this.kafkaPid), machineBusy: m.busy, machineTotal: m.total };
  }

  /** One line: CPU-seconds of each party between two snapshots, and per 1,000 documents. */
  static describe(label: string, a: CpuSnapshot, b: CpuSnapshot, docs: number): string {
    const wall = (b.at - a.at) / 1000;
    const self = b.self - a.self;
    const es = b.es - a.es;
    const kafka = b.kafka - a.kafka;
    const others = Math.max(0, b.machineBusy - a.machineBusy - self - es - kafka);
    const capacity = b.machineTotal - a.machineTotal;
    const per = (s: number) => ((s / docs) * 1000).toFixed(2);
    // Per app: what one app costs per document does not depend on the neighbours' load the way wall time does.
    const apps = Object.keys(b.apps).map((k) => `${k} ${per(b.apps[k] - (a.apps[k] ?? 0))}`).join(', ');
    return (
      `${label}: wall ${wall.toFixed(1)} s; CPU-s Vigil's apps ${self.toFixed(1)} (${per(self)}/1k docs: ${apps}), ` +
      `Elasticsearch ${es.toFixed(1)} (${per(es)}/1k), Kafka ${kafka.toFixed(1)} (${per(kafka)}/1k), ` +
      `other tenants ${others.toFixed(1)}, machine idle ${Math.max(0, capacity - (b.machineBusy - a.machineBusy)).toFixed(1)} of ${capacity.toFixed(1)}`
    );
  }
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

/**
 * A CPU profile of just the timed part (the inspector's profiler, as `--cpu-prof` writes it),
 * so start-up and the baseline phase do not blur it. Open it in Chrome DevTools or summarise it
 * with `node scripts/cpu-profile-summary.mjs <file>`.
 */
export async function profile<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile: p } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(p));
    session.disconnect();
  }
}
