import { createRouter, createWebHashHistory, type RouteLocationRaw, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router';
import { useAuthStore, type Role } from './stores/auth';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in (only the sign-in page). */
    public?: boolean;
    /** The lowest role the page is for; the api refuses the same routes below it. Absent = any signed-in user. */
    role?: Role;
    /** The nav entry this page lights up (a ticket lights up the board). */
    section?: Section;
  }
}

export type Section = 'live' | 'board' | 'followUps' | 'clusters' | 'search' | 'analytics' | 'reports' | 'watches' | 'sources' | 'plan' | 'knowledge' | 'models' | 'users';

/**
 * Hash URLs (`#/tickets/CR-2026-000001`), as before: links people saved keep working and
 * the api serves one index.html with no fallback route. Pages are loaded when first opened.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'live' } },
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
  { path: '/forbidden', name: 'forbidden', component: () => import('./pages/ForbiddenPage.vue') },
  { path: '/live', name: 'live', component: () => import('./pages/LivePage.vue'), meta: { section: 'live' } },
  { path: '/board', name: 'board', component: () => import('./pages/BoardPage.vue'), meta: { section: 'board' } },
  { path: '/tickets', redirect: { name: 'board' } },
  { path: '/tickets/:id', name: 'ticket', component: () => import('./pages/TicketPage.vue'), props: true, meta: { section: 'board' } },
  { path: '/follow-ups', name: 'followUps', component: () => import('./pages/FollowUpsPage.vue'), meta: { section: 'followUps', role: 'responder' } },
  { path: '/clusters', name: 'clusters', component: () => import('./pages/ClustersPage.vue'), meta: { section: 'clusters' } },
  { path: '/clusters/:id', name: 'cluster', component: () => import('./pages/ClusterPage.vue'), props: true, meta: { section: 'clusters' } },
  { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue'), meta: { section: 'search', role: 'analyst' } },
  { path: '/posts/:id', name: 'post', component: () => import('./pages/PostPage.vue'), props: true, meta: { section: 'search', role: 'analyst' } },
  { path: '/incidents/:kind(cluster|ticket)/:id', name: 'incident', component: () => import('./pages/IncidentPage.vue'), props: true, meta: { section: 'analytics', role: 'analyst' } },
  { path: '/analytics', name: 'analytics', component: () => import('./pages/AnalyticsPage.vue'), meta: { section: 'analytics' } },
  { path: '/reports', name: 'reports', component: () => import('./pages/ReportsPage.vue'), meta: { section: 'reports' } },
  { path: '/watches', name: 'watches', component: () => import('./pages/WatchesPage.vue'), meta: { section: 'watches' } },
  { path: '/watches/new', name: 'watch-new', component: () => import('./pages/WatchEditPage.vue'), meta: { section: 'watches', role: 'admin' } },
  { path: '/watches/:id', name: 'watch', component: () => import('./pages/WatchEditPage.vue'), props: true, meta: { section: 'watches' } },
  { path: '/sources', name: 'sources', component: () => import('./pages/SourcesPage.vue'), meta: { section: 'sources' } },
  // The api serves the plan from the analyst role up (responders and admins included); admins edit it there.
  { path: '/plan', name: 'plan', component: () => import('./pages/PlanPage.vue'), meta: { section: 'plan', role: 'analyst' } },
  { path: '/models', name: 'models', component: () => import('./pages/ModelsPage.vue'), meta: { section: 'models', role: 'analyst' } },
  // Responders read it (and use it on tickets); admins and the plan's leads change it (the api decides).
  { path: '/knowledge', name: 'knowledge', component: () => import('./pages/KnowledgePage.vue'), meta: { section: 'knowledge', role: 'responder' } },
  { path: '/users', name: 'users', component: () => import('./pages/UsersPage.vue'), meta: { section: 'users', role: 'admin' } },
  // Anything else lands on the live page, as the hash router did.
  { path: '/:rest(.*)*', redirect: '/live' },
];

/** Where a sign-in goes back to: only a path inside the app (no `//host`, no scheme). */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/live';
}

/** `pages` replaces the route table in tests (the same paths and meta without loading the pages). */
export function createAppRouter(history: RouterHistory = createWebHashHistory(), pages: RouteRecordRaw[] = routes): Router {
  const router = createRouter({ history, routes: pages });
  router.beforeEach((to): RouteLocationRaw | true => {
    const auth = useAuthStore();
    if (to.meta.public) return auth.signedIn ? safeRedirect(to.query.redirect) : true;
    if (!auth.signedIn) return { name: 'login', query: to.fullPath === '/live' ? {} : { redirect: to.fullPath } };
    if (to.meta.role && !auth.can(to.meta.role)) return { name: 'forbidden', query: { need: to.meta.role, page: to.meta.section } };
    return true;
  });
  return router;
}
