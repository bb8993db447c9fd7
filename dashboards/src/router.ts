import { readonly, ref } from 'vue';

export type RouteName = 'login' | 'live' | 'board' | 'ticket' | 'clusters' | 'cluster' | 'search' | 'sources';
export interface Route {
  name: RouteName;
  id?: string;
}

/** Hash routes (`#/tickets/CR-2026-000001`): the api serves one index.html and needs no fallback. */
export function parseHash(hash: string): Route {
  const [, a = '', b] = hash.replace(/^#/, '').split('/');
  const id = b ? decodeURIComponent(b) : undefined;
  switch (a) {
    case 'login':
      return { name: 'login' };
    case 'board':
      return { name: 'board' };
    case 'tickets':
      return id ? { name: 'ticket', id } : { name: 'board' };
    case 'clusters':
      return id ? { name: 'cluster', id } : { name: 'clusters' };
    case 'search':
      return { name: 'search' };
    case 'sources':
      return { name: 'sources' };
    default:
      return { name: 'live' };
  }
}

const current = ref<Route>(parseHash(location.hash));
window.addEventListener('hashchange', () => (current.value = parseHash(location.hash)));

export const route = readonly(current);
export const go = (path: string) => (location.hash = `#${path}`);
