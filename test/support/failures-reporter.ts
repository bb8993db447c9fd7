// Names what failed, at the very end of `npm test`'s log (scripts/test.mjs prints the file this
// writes after its summary): a CI log is often read from its tail only. Beside failed tests it
// names what vitest's JSON report leaves out or counts as "skipped": a beforeAll/afterAll that
// failed inside a describe, errors of a whole file, and unhandled errors (which fail the run while
// every test passed).
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export const FAILURES_FILE = path.resolve(__dirname, '..', 'artifacts', 'failures.txt');

type Err = Pick<SerializedError, 'message'> & { name?: string; stack?: string };

function firstLines(e: Err): string {
  const text = `${e.name && !String(e.message).startsWith(e.name) ? `${e.name}: ` : ''}${e.message ?? ''}`;
  const where = (e.stack ?? '').split('\n').find((l) => /\.spec\.ts:\d+/.test(l));
  const lines = text.split('\n').filter((l) => l.trim()).slice(0, 4);
  if (where) lines.push(where.trim());
  return lines.map((l) => `    ${l.slice(0, 300)}`).join('\n');
}

export default class FailuresReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const out: string[] = [];
    for (const m of modules) {
      const file = `${m.project.name}: ${m.relativeModuleId}`;
      for (const e of m.errors()) out.push(`FAILED ${file} (the file itself)\n${firstLines(e)}`);
      for (const s of m.children.allSuites()) for (const e of s.errors()) out.push(`FAILED ${file} > ${s.fullName} (its beforeAll/afterAll; after a failed beforeAll its tests count as skipped)\n${firstLines(e)}`);
      for (const t of m.children.allTests()) {
        const r = t.result();
        if (r.state === 'failed') out.push(`FAILED ${file} > ${t.fullName}\n${(r.errors ?? []).slice(0, 1).map(firstLines).join('\n')}`);
      }
    }
    for (const e of unhandled) out.push(`UNHANDLED ERROR (fails the run though no test failed)\n${firstLines(e)}`);
    fs.mkdirSync(path.dirname(FAILURES_FILE), { recursive: true });
    fs.writeFileSync(FAILURES_FILE, out.length ? `${out.join('\n')}\n` : '');
  }
}
