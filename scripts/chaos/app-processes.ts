import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type ChaosApp = 'collector' | 'processor' | 'indexer' | 'detector' | 'responder' | 'reporter' | 'api';
export const CHAOS_APPS: ChaosApp[] = ['collector', 'processor', 'indexer', 'detector', 'responder', 'reporter', 'api'];

interface Running {
  child: ChildProcess;
  port: number;
  app: ChaosApp;
}

/**
 * Each app as its own OS process from the compiled build (as a deployment runs them), so one can
 * be killed with SIGKILL while the others go on. Logs go to one file per process.
 */
export class AppProcesses {
  private readonly procs = new Map<string, Running>();

  constructor(
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
  ) {
    fs.mkdirSync(logDir, { recursive: true });
  }

  /** `name` is the app, or e.g. `processor-2` for a second instance of one. */
  start(name: string, app: ChaosApp, port: number): void {
    const main = path.join(this.root, 'dist', 'apps', app, 'src', 'main.js');
    const out = fs.openSync(path.join(this.logDir, `${name}.log`), 'a');
    const env = { ...this.env, PORT: String(port), API_PORT: String(port), COLLECTOR_PORT: String(port) };
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    this.procs.set(name, { child, port, app });
  }

  port(name: string): number {
    const p = this.procs.get(name);
    if (!p) throw new Error(`no process ${name}`);
    return p.port;
  }

  names(): string[] {
    return [...this.procs.keys()];
  }

  /** Kills with `signal` and waits until the process is gone. */
  async stop(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<Running> {
    const p = this.procs.get(name);
    if (!p) throw new Error(`no process ${name}`);
    if (p.child.exitCode === null && p.child.signalCode === null) {
      const gone = new Promise((r) => p.child.once('exit', r));
      p.child.kill(signal);
      await Promise.race([gone, new Promise((r) => setTimeout(r, 20_000))]);
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGKILL');
        await gone;
      }
    }
    this.procs.delete(name);
    return p;
  }

  async restart(name: string, signal: NodeJS.Signals = 'SIGKILL', pauseMs = 2_000): Promise<void> {
    const p = await this.stop(name, signal);
    await new Promise((r) => setTimeout(r, pauseMs));
    this.start(name, p.app, p.port);
  }

  /** `/health` of every process: the names of those not answering 200. */
  async unhealthy(): Promise<string[]> {
    const bad: string[] = [];
    await Promise.all(
      [...this.procs].map(async ([name, p]) => {
        try {
          const r = await fetch(`http://127.0.0.1:${p.port}/health`, { signal: AbortSignal.timeout(5_000) });
          await r.arrayBuffer();
          if (r.status !== 200) bad.push(name);
        } catch {
          bad.push(name);
        }
      }),
    );
    return bad;
  }

  /** Processes that exited on their own (a crash the suite did not cause). */
  crashed(): string[] {
    return [...this.procs].filter(([, p]) => p.child.exitCode !== null || p.child.signalCode !== null).map(([n]) => n);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.names().map((n) => this.stop(n, 'SIGTERM')));
  }
}
