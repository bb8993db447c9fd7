import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, RawMention } from '@vigil/contracts';
import { parseSourcesFile, SourcesConfigError } from './sources-config';
import { toRawMention } from '../poll-source.usecase';

describe('parseSourcesFile', () => {
  it('reads durations and env placeholders', () => {
    const f = parseSourcesFile('sources:\n  - id: a\n    type: rss\n    url: http://h:${P:-80}/f\n    every: 2m\n', 's.yaml', { P: '8081' });
    expect(f.sources[0]).toMatchObject({ url: 'http://h:8081/f', every: 120_000, channel: 'news', enabled: true });
  });

  it('names the line of each mistake', () => {
    const text = 'sources:\n  - id: a\n    type: rss\n    url: not-a-url\n  - id: a\n    type: rss\n    url: http://x/\n    every: soon\n';
    expect(() => parseSourcesFile(text, 's.yaml', {})).toThrow(SourcesConfigError);
    try {
      parseSourcesFile(text, 's.yaml', {});
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/s\.yaml:4:\d+ sources\.0\.url/);
      expect(msg).toMatch(/s\.yaml:8:\d+ sources\.1\.every/);
      expect(msg).toMatch(/duplicate source id "a"/);
    }
  });
});

describe('toRawMention', () => {
  const source = parseSourcesFile('sources:\n  - id: s1\n    type: rss\n    url: http://h/f\n', 's.yaml', {}).sources[0];

  it('derives a stable id and truncates an oversized post, flagging it', () => {
    const big = '退'.repeat(MAX_TEXT_CHARS + 10);
    const m = toRawMention(source, { externalId: 'x1', text: big, publishedAt: '2026-11-01T00:00:00.000Z' }, '2026-11-02T00:00:00.000Z');
    expect(m.truncated).toBe(true);
    expect(m.text.length).toBe(MAX_TEXT_CHARS);
    expect(RawMention.parse(m).id).toBe(toRawMention(source, { externalId: 'x1', text: 'other', publishedAt: '' }, '2026-11-03T00:00:00.000Z').id);
  });

  it('dates an undated item when it was fetched', () => {
    expect(toRawMention(source, { externalId: 'x2', text: 't', publishedAt: '' }, '2026-11-02T00:00:00.000Z').publishedAt).toBe('2026-11-02T00:00:00.000Z');
  });
});
