/**
 * CFPB complaints as per-company streams: the real date each complaint was received and the real
 * company, so each company's daily volume and its surges are real. The data carries dates only;
 * the time of day is drawn from an office-hours profile (seeded).
 *
 * What a storm is comes from the daily counts alone: a day with at least twice the company's mean
 * of the 14 days before and at least 8 complaints more than that mean starts (or continues) a
 * surge. A day is quiet when it is at most 1.5 × that mean + 3 and not the day after a surge;
 * days in between are left out of both counts.
 */
import { mulberry32 } from '../../../test/support/prng';
import { cfpbRows } from './corpora';
import { DAY, HOUR, OFFICE } from './rhythm';
import type { Incident, Scenario, StreamPost } from './scenarios';

const UTC_OFFSET = -5;
const FROM = '2019-01-01';
const TO = '2019-12-31';

function dayIndex(date: string, start: number): number {
  const [y, m, d] = date.split('/').map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - UTC_OFFSET * HOUR - start) / DAY);
}

export function cfpbCompanies(seed: number, companies = 8): Scenario {
  const rand = mulberry32(seed);
  const start = Date.parse(`${FROM}T00:00:00Z`) - UTC_OFFSET * HOUR;
  const end = Date.parse(`${TO}T00:00:00Z`) - UTC_OFFSET * HOUR + DAY;
  const days = Math.round((end - start) / DAY);
  const rows = cfpbRows().filter((r) => {
    const d = dayIndex(r.date, start);
    return d >= 0 && d < days;
  });
  const volume = new Map<string, number>();
  for (const r of rows) volume.set(r.company, (volume.get(r.company) ?? 0) + 1);
  const top = [...volume.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, companies).map(([c]) => c);
  const watchOf = new Map(top.map((c) => [c, c.split(/[\s,.]+/)[0]!.toLowerCase()]));

  const total = OFFICE.reduce((a, b) => a + b, 0);
  const hourOf = () => {
    let x = rand() * total;
    for (let h = 0; h < 24; h++) if ((x -= OFFICE[h]!) < 0) return h;
    return 23;
  };
  const posts: StreamPost[] = [];
  for (const r of rows) {
    const watch = watchOf.get(r.company);
    if (!watch) continue;
    const at = start + dayIndex(r.date, start) * DAY + hourOf() * HOUR + Math.floor(rand() * HOUR);
    const text = r.text || [r.issue, r.subIssue].filter(Boolean).join('. ');
    posts.push({ ext: `cfpb-${r.id}`, text, at, author: `cfpb-${r.id}`, watch, channel: 'form' });
  }
  posts.sort((a, b) => a.at - b.at || (a.ext < b.ext ? -1 : 1));

  const incidents: Incident[] = [];
  const unclearDays: Record<string, Set<number>> = {};
  for (const watch of watchOf.values()) {
    const counts = new Array<number>(days).fill(0);
    const first = new Array<number>(days).fill(Infinity);
    for (const p of posts) {
      if (p.watch !== watch) continue;
      const d = Math.floor((p.at - start) / DAY);
      counts[d]! += 1;
      first[d] = Math.min(first[d]!, p.at);
    }
    const unclear = (unclearDays[watch] = new Set<number>());
    let episode: Incident | undefined;
    let afterEpisode = false;
    for (let d = 14; d < days; d++) {
      let base = 0;
      for (let k = d - 14; k < d; k++) base += counts[k]!;
      base /= 14;
      const c = counts[d]!;
      if (c >= 2 * base && c - base >= 8) {
        if (!episode) {
          episode = { id: `${watch}-surge-d${d}`, watch, kind: 'real-surge', onset: first[d]!, end: start + (d + 1) * DAY, alarm: true, note: `${c} complaints vs a mean of ${base.toFixed(1)} a day before` };
          incidents.push(episode);
        } else {
          episode.end = start + (d + 1) * DAY;
          episode.note += `, then ${c}`;
        }
        for (const p of posts) if (p.watch === watch && Math.floor((p.at - start) / DAY) === d) p.incident = episode.id;
        afterEpisode = true;
        continue;
      }
      if (episode || afterEpisode) {
        // The day after a surge is its tail, not a quiet day.
        unclear.add(d);
        episode = undefined;
        afterEpisode = false;
        continue;
      }
      if (c > 1.5 * base + 3) unclear.add(d);
    }
  }
  return {
    name: 'cfpb', seed, split: 'held-out',
    description: `CFPB complaints ${FROM}..${TO}, the ${top.length} companies with most complaints, real dates and companies (hour of day drawn)`,
    watches: [...watchOf.values()], start, end, warmupDays: 28, utcOffset: UTC_OFFSET, coverageFrom: {},
    posts, incidents: incidents.sort((a, b) => a.onset - b.onset), unclearDays, incidentsCoverWholeDays: true,
  };
}
