import { readFile } from 'node:fs/promises';
import { parsePlan, type ParsePlanResult } from './parse-plan';

/** The one place this library touches the file system; everything else is pure. */
export async function loadPlanFile(path: string): Promise<ParsePlanResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [{ file: path, line: 1, column: 1, path: '', message: `cannot read: ${(e as Error).message}` }] };
  }
  return parsePlan(text, path);
}
