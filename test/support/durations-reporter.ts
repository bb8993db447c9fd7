// Where a test run's time goes, per file: `npx vitest run --reporter=default --reporter=./test/support/durations-reporter.ts`.
// Prints one line per file (slowest first): import (collect), hooks (setup and teardown: app boots,
// index and topic creation), tests, and the wall time from the run's start. A measuring tool only:
// nothing asserts on these figures.
import os from 'node:os';
import type { Reporter, TestModule } from 'vitest/node';

interface Row {
  file: string;
  project: string;
  collect: number;
  hooks: number;
  tests: number;
  endedAt: number;
}

export default class DurationsReporter implements Reporter {
  private readonly started = Date.now();
  private readonly rows: Row[] = [];

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    let tests = 0;
    for (const t of module.children.allTests()) tests += t.diagnostic()?.duration ?? 0;
    this.rows.push({
      file: module.relativeModuleId,
      project: module.project.name,
      collect: d.collectDuration + d.setupDuration + d.environmentSetupDuration + d.prepareDuration,
      hooks: Math.max(0, d.duration - tests),
      tests,
      endedAt: Date.now() - this.started,
    });
  }

  onTestRunEnd(): void {
    const s = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
    const lines = [`\nper-file durations in s (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}):`, `${'import'.padStart(7)}${'hooks'.padStart(7)}${'tests'.padStart(7)}${'ended'.padStart(7)}  file`];
    for (const r of [...this.rows].sort((a, b) => b.collect + b.hooks + b.tests - (a.collect + a.hooks + a.tests))) {
      lines.push(`${s(r.collect)}${s(r.hooks)}${s(r.tests)}${s(r.endedAt)}  ${r.project}: ${r.file}`);
    }
    const sum = (p: string, k: 'collect' | 'hooks' | 'tests') => this.rows.filter((r) => r.project === p).reduce((a, r) => a + r[k], 0);
    for (const p of [...new Set(this.rows.map((r) => r.project))]) {
      lines.push(`${s(sum(p, 'collect'))}${s(sum(p, 'hooks'))}${s(sum(p, 'tests'))}         ${p}: sum of ${this.rows.filter((r) => r.project === p).length} files`);
    }
    console.log(lines.join('\n'));
  }
}
