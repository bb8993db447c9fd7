import type { IndexedPost } from './demo-scenario';

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const postDate = (p: IndexedPost, startedAt: number) => new Date(startedAt + p.at * 1000);

/** An RSS 2.0 document of posts (newest first). */
export function renderRss(feed: string, posts: IndexedPost[], startedAt: number): string {
  const items = posts
    .map((p) => {
      const title = p.title ?? (p.rating ? `${'★'.repeat(p.rating)} ${p.text.slice(0, 30)}` : p.text.slice(0, 30));
      return `<item><guid isPermaLink="false">${feed}-${p.i}</guid><title>${xmlEscape(title)}</title><dc:creator>${xmlEscape(p.author)}</dc:creator><pubDate>${postDate(p, startedAt).toUTCString()}</pubDate><description>${xmlEscape(p.text)}</description></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Vigil demo: ${feed}</title><link>http://127.0.0.1/</link><description>scripted demo feed</description>${items}</channel></rss>`;
}

const APPSTORE_PAGE = 50;

/** One page of Apple's customer-reviews JSON feed, in the shape the real store serves. */
export function renderAppStorePage(posts: IndexedPost[], appId: string, country: string, page: number, base: string): string {
  if (page > 10) return 'CustomerReviews RSS page depth is limited to 10';
  const slice = posts.slice((page - 1) * APPSTORE_PAGE, page * APPSTORE_PAGE);
  const more = posts.length > page * APPSTORE_PAGE;
  const label = (v: string) => ({ label: v });
  const link = (rel: string, href: string) => ({ attributes: { rel, href } });
  const self = `${base}/${country}/rss/customerreviews/page=${page}/id=${appId}/sortby=mostrecent/json`;
  return JSON.stringify({
    feed: {
      author: { name: label('iTunes Store'), uri: label('http://www.apple.com/itunes/') },
      ...(slice.length
        ? {
            entry: slice.map((p) => ({
              author: { uri: label(`https://itunes.apple.com/${country}/reviews/id${1000 + p.i}`), name: label(p.author), label: '' },
              'im:version': label(p.version ?? '3.12.0'),
              'im:rating': label(String(p.rating ?? 3)),
              id: label(String(9_000_000_000 + p.i)),
              title: label(p.title ?? p.text.slice(0, 20)),
              content: { label: p.text, attributes: { type: 'text' } },
              link: { attributes: { rel: 'related', href: `https://itunes.apple.com/${country}/review?id=${appId}&type=Purple%20Software` } },
              'im:voteSum': label('0'),
              'im:contentType': { attributes: { term: 'Application', label: 'Application' } },
              'im:voteCount': label('0'),
            })),
          }
        : {}),
      updated: label(new Date().toISOString()),
      rights: label('Copyright 2008 Apple Inc.'),
      title: label('iTunes Store: Customer Reviews'),
      icon: label('http://itunes.apple.com/favicon.ico'),
      link: [link('alternate', 'https://apps.apple.com/'), link('self', self), link('first', ''), link('last', ''), link('previous', ''), link('next', more ? self.replace(`page=${page}`, `page=${page + 1}`) : '')],
      id: label(self),
    },
  });
}

export const mastodonId = (p: IndexedPost) => String(113_600_000_000_000_000n + BigInt(p.i));

/** Mastodon Status entities (docs.joinmastodon.org/entities/Status) for a hashtag timeline page. */
export function renderMastodonStatuses(posts: IndexedPost[], startedAt: number, instance: string): string {
  return JSON.stringify(
    posts.map((p) => {
      const username = `u${p.i}`;
      const html = `<p>${xmlEscape(p.text).replace(/\n/g, '<br />')}</p>`;
      return {
        id: mastodonId(p),
        created_at: postDate(p, startedAt).toISOString(),
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        sensitive: false,
        spoiler_text: '',
        visibility: 'public',
        language: p.lang ?? (/[\u4e00-\u9fff]/.test(p.text) ? 'zh' : 'en'),
        uri: `${instance}/users/${username}/statuses/${mastodonId(p)}`,
        url: `${instance}/@${username}/${mastodonId(p)}`,
        replies_count: 0,
        reblogs_count: 0,
        favourites_count: 0,
        edited_at: null,
        content: html,
        reblog: null,
        account: {
          id: String(200_000 + p.i),
          username,
          acct: username,
          display_name: p.author,
          locked: false,
          bot: false,
          created_at: '2024-03-01T00:00:00.000Z',
          note: '',
          url: `${instance}/@${username}`,
          followers_count: p.followers ?? 50,
          following_count: 10,
          statuses_count: 100,
        },
        media_attachments: [],
        mentions: [],
        tags: [],
        emojis: [],
        card: null,
        poll: null,
      };
    }),
  );
}
