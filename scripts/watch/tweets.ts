import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir } from '../analysis/data';

/** Every TweetEval tweet we have (sentiment, emotion, irony; all splits), each text once. */
export function readTweets(): string[] {
  const out = new Set<string>();
  for (const [task, splits] of [['sentiment', ['val', 'test']], ['emotion', ['train', 'val', 'test']], ['irony', ['train', 'val', 'test']]] as const) {
    for (const split of splits) {
      const file = path.join(dataDir, 'en/tweeteval', task, `${split}_text.txt`);
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line.trim()) out.add(line.trim());
    }
  }
  return [...out];
}
