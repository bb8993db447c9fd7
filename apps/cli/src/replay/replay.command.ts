import fs from 'node:fs';
import { formatReplayReport } from './replay-report';
import { runReplay } from './run-replay';

/** `vigil replay <file>`: exit 0 when the replay ran (whatever it found), 1 when it could not. */
export async function runReplayCommand(file: string, o: { speed: string; keep?: boolean; json?: string; watch?: string }): Promise<number> {
  try {
    const result = await runReplay({ file, speed: o.speed, keep: o.keep, watchFile: o.watch });
    process.stdout.write(`${formatReplayReport(file, result)}\n`);
    if (o.json) fs.writeFileSync(o.json, JSON.stringify(result, null, 2));
    return 0;
  } catch (e) {
    process.stderr.write(`vigil replay: ${(e as Error).message}\n`);
    return 1;
  }
}
