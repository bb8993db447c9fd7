import { parsePlan, type ParsePlanResult } from './parse-plan';

/**
 * A plan file read and checked. The caller hands in how to read it (`fs.promises.readFile`), so
 * this library does no I/O itself; a file that cannot be read is an error like any other.
 */
export async function loadPlanFile(path: string, readText: (path: string) => Promise<string>): Promise<ParsePlanResult> {
  let text: string;
  try {
    text = await readText(path);
  } catch (e) {
    return { ok: false, errors: [{ file: path, line: 1, column: 1, path: '', message: `cannot read: ${(e as Error).message}` }] };
  }
  return parsePlan(text, path);
}
