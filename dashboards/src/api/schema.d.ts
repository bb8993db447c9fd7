// Generated from the api's OpenAPI document by `npm run api:types` (apps/api/src/openapi/api-types.spec.ts). Do not edit.

export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: a short-lived access token (send it as `Authorization: Bearer`), and a session in an httpOnly cookie that renews it (POST /api/auth/refresh). Throttled per account and per address: 429 with Retry-After; a disabled user gets 403. */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new access token from the session cookie (the cookie is rotated); 401 when the session has ended */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of this browser (its cookie) and remove the cookie */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the credentials belong to */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, their roles and whether they are disabled (admin) */
        get: operations["UsersController_list"];
        put?: never;
        /** Add a user (admin); without a password one is generated and returned once */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a user (admin); what they hold stops working; the last admin and yourself are refused (409) */
        delete: operations["UsersController_remove"];
        options?: never;
        head?: never;
        /** Disable or enable a user, or change their role (admin). What they hold (tokens, sessions, sockets) stops working; the last admin and yourself are refused (409) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys (never the keys themselves): id, name, role, hint, who made it, revoked (admin) */
        get: operations["UsersController_listKeys"];
        put?: never;
        /** Create an API key for a machine (admin); the key is shown once, send it as X-API-Key */
        post: operations["UsersController_createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key by its id (or an unambiguous start of it); it fails from its next request (admin) */
        delete: operations["UsersController_revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of sign-ins and admin actions, newest first (admin) */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentions/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Full-text search with filters, pagination and aggregations (sentiment timeline, channel share, categories, top terms, top places) */
        get: operations["MentionsController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentions/by-ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mentions by id (a cluster's sample posts, a ticket's evidence), in the order asked for, PII already masked; ids not found are listed in `missing` */
        get: operations["MentionsController_byIds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentions/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The matches of a search as CSV, streamed newest first, at most API_EXPORT_MAX_ROWS rows */
        get: operations["MentionsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentions/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post's corrections, newest first: who, when, the values before and after */
        get: operations["CorrectionsController_list"];
        put?: never;
        /** Correct any of a post's sentiment, categories, emotion level and risk cue kinds (analyst; the risk score is scored again from them). 202 with the correction: the post shows it within a second or so, in search and aggregations, with the model's answer kept beside it; it is audited, and its sentiment folds into the next model update */
        post: operations["CorrectionsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analysis/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sentiment models in force (null: the shipped ones) and the model-update job's latest runs with their held-out checks */
        get: operations["AnalysisModelsController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analysis/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model-status page: each component (sentiment, emotion, category, cues) with its source, version and training sizes, the held-out checks of the update in force, corrections pending and re-scoring progress */
        get: operations["AnalysisModelsController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Crisis tickets, newest first (empty until the responder has opened one) */
        get: operations["TicketsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ticket with its audit trail */
        get: operations["TicketsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the responder to act on a ticket (acknowledge, assign, comment, …); 202 with the requestId, the outcome arrives live as a ticket event */
        post: operations["TicketsController_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow-ups (回访) not recorded yet, soonest due first; scope=mine: assigned to you */
        get: operations["FollowUpsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complaint clusters, most recently active first (empty until the detector has found one) */
        get: operations["ClustersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clusters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One cluster with its severity (when the detector has scored it) and the event times of its most recent posts */
        get: operations["ClustersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contingency plan the responder runs, as it published it: version, hash, YAML and parsed plan, where it came from, when it was taken into force, and the last edit it refused (with its errors); 503 before a responder has published one */
        get: operations["PlanController_get"];
        /** Edit the plan: validated here like `vigil plan validate` (400 with every error by line and field, nothing sent; 409 when the plan changed since the edit began), then sent to the responder, which decides; the outcome shows in GET /api/plan (source.requestId, or lastRefused) */
        put: operations["PlanController_edit"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plan/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan’s audit trail, newest first: each version taken into force and each refused edit, with who, when and from where (texts left out) */
        get: operations["PlanController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each source: its configuration as written (secrets masked), paused or not, and its health (ok, failing, stale, never-polled; last success and error, items in the last hour, lag, coverage gaps) */
        get: operations["SourcesController_list"];
        put?: never;
        /** Add a source (admin); the collector polls it within seconds, no restart */
        post: operations["SourcesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coverage gaps of every source overlapping [from, to]: stretches in which posts may be missing (failed polls, paging limits) */
        get: operations["SourcesController_gaps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a source form without saving it (its fields, and the private-address guard) */
        post: operations["SourcesController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch a source once through the collector (its guard, limits and environment): the first items as they would be stored, or the exact error */
        post: operations["SourcesController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a source, newest first: who, when, what changed (secrets masked) */
        get: operations["SourcesController_historyOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edit a source (admin); ?version= the version edited (409 if changed since); masked secrets sent back are kept */
        put: operations["SourcesController_update"];
        post?: never;
        /** Delete a source (admin): no longer polled; its mentions and history stay; it can be restored */
        delete: operations["SourcesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a source (admin): the collector stops polling it */
        post: operations["SourcesController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused source (admin) */
        post: operations["SourcesController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted source (admin) */
        post: operations["SourcesController_restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts in the last hours against the same window on past days (median), with the negative count */
        get: operations["VolumeController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the complainant's sealed contact: only for the roles the plan allows (privacy.contactRoles, assignees); every attempt is recorded */
        post: operations["ComplaintsController_contact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tickets/{id}/contact-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who opened (or tried to open) this ticket's complainant contact, newest first */
        get: operations["ComplaintsController_contactViews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/progress/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A complainant's progress (进度查询): reference, status, last public update, promised time; 404 for an unknown or expired link */
        get: operations["ProgressController_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ticket figures for a period beside the period before: volume, times (median, p90), SLA per level and target, FCR, CSAT, repeat, reopen, escalations, backlog by age; a trend and groups */
        get: operations["AnalyticsController_kpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/tickets/behind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tickets behind one figure (or one part of it), a page at a time, each with its value */
        get: operations["AnalyticsController_behind"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/dimensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The watches, teams, levels, categories and channels stored tickets carry (for filter lists) */
        get: operations["AnalyticsController_dimensions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/mentions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Negative posts by place (rolled up to provinces and countries), hot words against the period before, share of voice and sentiment per watch */
        get: operations["AnalyticsController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A table (header and rows, as shown) as an .xlsx workbook of one sheet */
        post: operations["ExportsController_xlsx"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved-searches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person’s saved searches, newest first */
        get: operations["SavedSearchesController_list"];
        put?: never;
        /** Save the search page's filters under a name (at most 100 per person) */
        post: operations["SavedSearchesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved-searches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of your saved searches (404 for another person’s) */
        delete: operations["SavedSearchesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/cluster/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cluster as an incident: first post and publisher, spread over time by channel, top authors by reach, related clusters, a summary of its posts */
        get: operations["IncidentsController_cluster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/ticket/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket as an incident, from its evidence posts and its cluster */
        get: operations["IncidentsController_ticket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports made (and failed) by the schedule and by hand, newest period first */
        get: operations["ReportsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One report’s state, figures and deliveries */
        get: operations["ReportsController_meta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as one HTML page (downloaded; it runs nothing) */
        get: operations["ReportsController_html"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as PDF */
        get: operations["ReportsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The watches, by id; deleted ones too with includeDeleted=true (mentions keep their ids) */
        get: operations["WatchesController_list"];
        put?: never;
        /** Create a watch (admin); a bad rule is refused with its position */
        post: operations["WatchesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/taxonomy-presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready-made complaint taxonomies a watch can start from (default: retail and delivery; airline) */
        get: operations["WatchesController_presets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/check-rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Parse one rule as it is typed: ok, or the error and its position (0-based character) */
        post: operations["WatchesController_checkRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a whole watch without saving it: field errors, rule errors with their position, warnings */
        post: operations["WatchesController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many posts of the last days (7 by default) the watch would have matched, and examples, before saving it */
        post: operations["WatchesController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One watch (deleted ones too) */
        get: operations["WatchesController_get"];
        /** Replace a watch (admin); ?version= the version you edited, a later change by someone else is a 409 */
        put: operations["WatchesController_update"];
        post?: never;
        /** Delete a watch (admin): it stops matching; mentions keep its id and stay searchable by it; it can be restored */
        delete: operations["WatchesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a watch, newest first: who, when, which fields, the document after */
        get: operations["WatchesController_historyOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watches/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted watch (admin) */
        post: operations["WatchesController_restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baselines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per watch, whether the detector's baseline is learnt: learning (hours seen of hours needed, no bursts yet), a coverage gap, or ready */
        get: operations["BaselinesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries by category, level, kind and keywords (in a language), best first, each with its usage count */
        get: operations["KnowledgeController_list"];
        put?: never;
        /** Create an entry (admins and the plan's leads); an unknown placeholder or an authority below the plan's limit is a 400 naming the field */
        post: operations["KnowledgeController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries for one ticket (its categories and level), previewed with the ticket's facts filled in; needsApproval: a lead must approve the remedy */
        get: operations["KnowledgeController_suggest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entry (retired ones too) */
        get: operations["KnowledgeController_get"];
        /** Replace an entry (a new version); ?version= the version you edited, a later change by someone else is a 409 */
        put: operations["KnowledgeController_update"];
        post?: never;
        /** Retire an entry: no longer offered or usable; tickets that used it keep its id and version */
        delete: operations["KnowledgeController_retire"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of an entry, newest first */
        get: operations["KnowledgeController_historyOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LoginBodyDto: {
            username: string;
            password: string;
        };
        SessionDto_Output: {
            token: string;
            /** Format: date-time */
            expiresAt: string;
            user: {
                username: string;
                /** @enum {string} */
                role: "viewer" | "analyst" | "responder" | "admin";
            };
        };
        SignedOutDto_Output: {
            /** @enum {boolean} */
            signedOut: true;
        };
        PrincipalDto_Output: {
            name: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "responder" | "admin";
            /** @enum {string} */
            kind: "user" | "api-key";
        };
        UserViewDto_Output: {
            username: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "responder" | "admin";
            /** Format: date-time */
            createdAt: string;
            disabled?: boolean;
            tokenVersion?: number;
            /** Format: date-time */
            updatedAt?: string;
            updatedBy?: string;
        };
        CreateUserBodyDto: {
            username: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "responder" | "admin";
            password?: string;
        };
        CreatedUserDto_Output: {
            /** @enum {boolean} */
            ok: true;
            username: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "responder" | "admin";
            /** @description only when no password was given: shown once */
            generatedPassword?: string;
        };
        UpdateUserBodyDto: {
            /** @description true: the user cannot sign in, and what they hold stops working */
            disabled?: boolean;
            /** @enum {string} */
            role?: "viewer" | "analyst" | "responder" | "admin";
        };
        DeletedUserDto_Output: {
            username: string;
            /** @enum {boolean} */
            deleted: true;
        };
        ApiKeyViewDto_Output: {
            name: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "responder" | "admin";
            hint: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            revoked?: boolean;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            id: string;
        };
        CreateApiKeyBodyDto: {
            name: string;
            /** @enum {string} */
            role: "viewer" | "analyst" | "responder" | "admin";
        };
        CreatedApiKeyDto_Output: {
            key: string;
            id: string;
            hint: string;
        };
        RevokedApiKeyDto_Output: {
            id: string;
            name: string;
            /** @enum {boolean} */
            revoked: true;
        };
        AuditPageDto_Output: {
            total: number;
            entries: {
                id: string;
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                kind: "sign_in" | "sign_in_failed" | "sign_in_throttled" | "sign_out" | "session_reuse" | "user_created" | "user_disabled" | "user_enabled" | "user_role_changed" | "user_deleted" | "api_key_created" | "api_key_revoked";
                actor: string;
                target?: string;
                address?: string;
                userAgent?: string;
                detail?: string;
            }[];
        };
        MentionSearchResultDto_Output: {
            total: number;
            page: number;
            size: number;
            hits: {
                id: string;
                sourceId: string;
                /** @enum {string} */
                sourceType: "rss" | "appstore" | "googleplay" | "mastodon" | "json" | "intake" | "replay";
                /** @enum {string} */
                channel: "news" | "forum" | "social" | "review" | "appstore" | "form" | "app" | "email" | "hotline" | "other";
                externalId: string;
                url?: string;
                author?: {
                    id?: string;
                    name?: string;
                    followers?: number;
                    /** Format: date-time */
                    createdAt?: string;
                };
                title?: string;
                text: string;
                /** @default false */
                truncated: boolean;
                /** Format: date-time */
                publishedAt: string;
                /** Format: date-time */
                fetchedAt: string;
                langHint?: string;
                rating?: number;
                reach?: number;
                meta?: {
                    [key: string]: string | number | boolean;
                };
                contact?: {
                    box: {
                        /** @enum {number} */
                        v: 1;
                        kid: string;
                        iv: string;
                        tag: string;
                        ct: string;
                    };
                    fields: ("name" | "phone" | "email")[];
                    matchKeys: string[];
                };
                attachments?: {
                    name: string;
                    mediaType?: string;
                    size?: number;
                    /** Format: uri */
                    url?: string;
                }[];
                piiKinds?: string[];
                analysis: {
                    /** @enum {string} */
                    language: "zh" | "en" | "mixed" | "other";
                    /** @enum {string} */
                    script?: "simplified" | "traditional";
                    tokens: string[];
                    sentiment: {
                        score: number;
                        /** @enum {string} */
                        label: "negative" | "neutral" | "positive";
                        confidence: number;
                    };
                    emotion: {
                        /** @enum {string} */
                        level: "calm" | "agitated" | "angry";
                        intensity: number;
                    };
                    categories: {
                        id: string;
                        confidence: number;
                    }[];
                    entities: {
                        /** @default [] */
                        orderIds: string[];
                        /** @default [] */
                        money: {
                            amount: number;
                            currency: string;
                            text: string;
                        }[];
                        /** @default [] */
                        places: {
                            name: string;
                            /** @enum {string} */
                            kind: "province" | "city" | "district" | "compound" | "other";
                        }[];
                        /** @default [] */
                        products: string[];
                        appVersion?: string;
                        device?: string;
                        /** @default [] */
                        piiKinds: string[];
                    };
                    riskCues: {
                        /** @enum {string} */
                        kind: "manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand";
                        evidence: string;
                        start: number;
                        end: number;
                        amount?: number;
                        /** @enum {string} */
                        field?: "text" | "title";
                        confidence?: number;
                    }[];
                    riskScore: number;
                    riskReasons: string[];
                    /** @default [] */
                    emojis: string[];
                    /** @default false */
                    truncated: boolean;
                    modelVersion?: number;
                };
                /** Format: date-time */
                processedAt: string;
                watches?: {
                    id: string;
                    /** @default  */
                    rule: string;
                    /** @default false */
                    competitor: boolean;
                }[];
                correction?: {
                    id: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                    /** @enum {string} */
                    sentiment?: "negative" | "neutral" | "positive";
                    categories?: string[];
                    /** @enum {string} */
                    emotion?: "calm" | "agitated" | "angry";
                    riskCues?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                    original: {
                        sentiment: {
                            score: number;
                            /** @enum {string} */
                            label: "negative" | "neutral" | "positive";
                            confidence: number;
                        };
                        categories: {
                            id: string;
                            confidence: number;
                        }[];
                        emotion?: {
                            /** @enum {string} */
                            level: "calm" | "agitated" | "angry";
                            intensity: number;
                        };
                        riskCues?: {
                            /** @enum {string} */
                            kind: "manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand";
                            evidence: string;
                            start: number;
                            end: number;
                            amount?: number;
                            /** @enum {string} */
                            field?: "text" | "title";
                            confidence?: number;
                        }[];
                        riskScore?: number;
                        riskReasons?: string[];
                    };
                };
                eventTime?: {
                    /** @enum {string} */
                    kind: "future" | "old";
                    claimedAt: string;
                    reason: string;
                };
                highlight?: {
                    [key: string]: string[];
                };
            }[];
            aggregations: {
                perDay: {
                    key: string;
                    count: number;
                }[];
                perSource: {
                    key: string;
                    count: number;
                }[];
                perSentiment: {
                    key: string;
                    count: number;
                }[];
                perLanguage: {
                    key: string;
                    count: number;
                }[];
                timeline: {
                    key: string;
                    negative: number;
                    neutral: number;
                    positive: number;
                }[];
                perChannel: {
                    key: string;
                    count: number;
                }[];
                perCategory: {
                    key: string;
                    count: number;
                }[];
                perWatch: {
                    key: string;
                    count: number;
                }[];
                topTerms: {
                    key: string;
                    count: number;
                }[];
                topTermsSample: {
                    probability: number;
                    posts: number;
                };
                topPlaces: {
                    key: string;
                    count: number;
                }[];
            };
        };
        MentionsByIdsDto_Output: {
            mentions: {
                id: string;
                sourceId: string;
                /** @enum {string} */
                sourceType: "rss" | "appstore" | "googleplay" | "mastodon" | "json" | "intake" | "replay";
                /** @enum {string} */
                channel: "news" | "forum" | "social" | "review" | "appstore" | "form" | "app" | "email" | "hotline" | "other";
                externalId: string;
                url?: string;
                author?: {
                    id?: string;
                    name?: string;
                    followers?: number;
                    /** Format: date-time */
                    createdAt?: string;
                };
                title?: string;
                text: string;
                /** @default false */
                truncated: boolean;
                /** Format: date-time */
                publishedAt: string;
                /** Format: date-time */
                fetchedAt: string;
                langHint?: string;
                rating?: number;
                reach?: number;
                meta?: {
                    [key: string]: string | number | boolean;
                };
                contact?: {
                    box: {
                        /** @enum {number} */
                        v: 1;
                        kid: string;
                        iv: string;
                        tag: string;
                        ct: string;
                    };
                    fields: ("name" | "phone" | "email")[];
                    matchKeys: string[];
                };
                attachments?: {
                    name: string;
                    mediaType?: string;
                    size?: number;
                    /** Format: uri */
                    url?: string;
                }[];
                piiKinds?: string[];
                analysis: {
                    /** @enum {string} */
                    language: "zh" | "en" | "mixed" | "other";
                    /** @enum {string} */
                    script?: "simplified" | "traditional";
                    tokens: string[];
                    sentiment: {
                        score: number;
                        /** @enum {string} */
                        label: "negative" | "neutral" | "positive";
                        confidence: number;
                    };
                    emotion: {
                        /** @enum {string} */
                        level: "calm" | "agitated" | "angry";
                        intensity: number;
                    };
                    categories: {
                        id: string;
                        confidence: number;
                    }[];
                    entities: {
                        /** @default [] */
                        orderIds: string[];
                        /** @default [] */
                        money: {
                            amount: number;
                            currency: string;
                            text: string;
                        }[];
                        /** @default [] */
                        places: {
                            name: string;
                            /** @enum {string} */
                            kind: "province" | "city" | "district" | "compound" | "other";
                        }[];
                        /** @default [] */
                        products: string[];
                        appVersion?: string;
                        device?: string;
                        /** @default [] */
                        piiKinds: string[];
                    };
                    riskCues: {
                        /** @enum {string} */
                        kind: "manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand";
                        evidence: string;
                        start: number;
                        end: number;
                        amount?: number;
                        /** @enum {string} */
                        field?: "text" | "title";
                        confidence?: number;
                    }[];
                    riskScore: number;
                    riskReasons: string[];
                    /** @default [] */
                    emojis: string[];
                    /** @default false */
                    truncated: boolean;
                    modelVersion?: number;
                };
                /** Format: date-time */
                processedAt: string;
                watches?: {
                    id: string;
                    /** @default  */
                    rule: string;
                    /** @default false */
                    competitor: boolean;
                }[];
                correction?: {
                    id: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                    /** @enum {string} */
                    sentiment?: "negative" | "neutral" | "positive";
                    categories?: string[];
                    /** @enum {string} */
                    emotion?: "calm" | "agitated" | "angry";
                    riskCues?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                    original: {
                        sentiment: {
                            score: number;
                            /** @enum {string} */
                            label: "negative" | "neutral" | "positive";
                            confidence: number;
                        };
                        categories: {
                            id: string;
                            confidence: number;
                        }[];
                        emotion?: {
                            /** @enum {string} */
                            level: "calm" | "agitated" | "angry";
                            intensity: number;
                        };
                        riskCues?: {
                            /** @enum {string} */
                            kind: "manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand";
                            evidence: string;
                            start: number;
                            end: number;
                            amount?: number;
                            /** @enum {string} */
                            field?: "text" | "title";
                            confidence?: number;
                        }[];
                        riskScore?: number;
                        riskReasons?: string[];
                    };
                };
                eventTime?: {
                    /** @enum {string} */
                    kind: "future" | "old";
                    claimedAt: string;
                    reason: string;
                };
            }[];
            missing: string[];
        };
        CorrectionRequestDto: {
            /** @enum {string} */
            sentiment?: "negative" | "neutral" | "positive";
            categories?: string[];
            /** @enum {string} */
            emotion?: "calm" | "agitated" | "angry";
            riskCues?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
        };
        CorrectionAcceptedDto_Output: {
            correction: {
                id: string;
                mentionId: string;
                text: string;
                /** @enum {string} */
                language: "zh" | "en" | "mixed" | "other";
                /** @enum {string} */
                sentiment?: "negative" | "neutral" | "positive";
                categories?: string[];
                /** @enum {string} */
                emotion?: "calm" | "agitated" | "angry";
                riskCues?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                previous?: {
                    /** @enum {string} */
                    sentiment: "negative" | "neutral" | "positive";
                    /** @default [] */
                    categories: string[];
                    /** @enum {string} */
                    emotion?: "calm" | "agitated" | "angry";
                    riskCues?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                };
                by: string;
                /** Format: date-time */
                at: string;
            };
        };
        CorrectionListDto_Output: {
            corrections: {
                id: string;
                mentionId: string;
                text: string;
                /** @enum {string} */
                language: "zh" | "en" | "mixed" | "other";
                /** @enum {string} */
                sentiment?: "negative" | "neutral" | "positive";
                categories?: string[];
                /** @enum {string} */
                emotion?: "calm" | "agitated" | "angry";
                riskCues?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                previous?: {
                    /** @enum {string} */
                    sentiment: "negative" | "neutral" | "positive";
                    /** @default [] */
                    categories: string[];
                    /** @enum {string} */
                    emotion?: "calm" | "agitated" | "angry";
                    riskCues?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                };
                by: string;
                /** Format: date-time */
                at: string;
            }[];
        };
        ModelStatusDto_Output: {
            current: {
                modelVersion: number;
                publishedAt: string;
                lastCorrectionAt?: string;
                corrections: number;
            } | null;
            runs: {
                id: string;
                /** Format: date-time */
                startedAt: string;
                /** Format: date-time */
                finishedAt?: string;
                instance: string;
                /** @enum {string} */
                outcome: "running" | "published" | "refused" | "failed";
                corrections: number;
                /** Format: date-time */
                lastCorrectionAt?: string;
                modelVersion?: number;
                reason?: string;
                /** @enum {string} */
                reasonCode?: "no-reference-data" | "updated" | "all-refused" | "published-elsewhere" | "failed";
                reasonParams?: {
                    [key: string]: string | number;
                };
                /** @default [] */
                reports: {
                    [key: string]: unknown;
                }[];
            }[];
        };
        ModelPageDto_Output: {
            components: {
                /** @enum {string} */
                component: "sentiment" | "emotion" | "category" | "cues";
                /** @enum {string} */
                source: "published" | "shipped" | "rules";
                modelVersion: number;
                publishedAt?: string;
                learnsFromCorrections: boolean;
                trainedOn: {
                    language: string;
                    note: string;
                    rows?: number;
                    corrections?: number;
                }[];
                pendingCorrections: number;
            }[];
            heldOut: {
                /**
                 * @default sentiment
                 * @enum {string}
                 */
                component: "sentiment" | "emotion" | "categories";
                language?: string;
                accepted: boolean;
                /** @enum {string} */
                reasonCode?: "no-held-out" | "too-few-kept-aside" | "worse-held-out" | "worse-kept-aside" | "not-worse";
                reason: string;
                corrections?: number;
                heldOut: {
                    n: number;
                    before: number;
                    after: number;
                };
                check?: {
                    n: number;
                    before: number;
                    after: number;
                };
                /** @enum {string} */
                form?: "layer" | "layer-polarity" | "finetune";
                tried?: {
                    /** @enum {string} */
                    form: "layer" | "layer-polarity" | "finetune";
                    accepted: boolean;
                    reasonCode?: string;
                    heldOut: number;
                    check: number;
                }[];
            }[];
            /** @enum {string} */
            heldOutFrom: "published" | "latest run" | "none";
            lastRun: {
                id: string;
                /** Format: date-time */
                startedAt: string;
                /** Format: date-time */
                finishedAt?: string;
                instance: string;
                /** @enum {string} */
                outcome: "running" | "published" | "refused" | "failed";
                corrections: number;
                /** Format: date-time */
                lastCorrectionAt?: string;
                modelVersion?: number;
                reason?: string;
                /** @enum {string} */
                reasonCode?: "no-reference-data" | "updated" | "all-refused" | "published-elsewhere" | "failed";
                reasonParams?: {
                    [key: string]: string | number;
                };
                /** @default [] */
                reports: {
                    [key: string]: unknown;
                }[];
            } | null;
            lastCorrectionAt?: string;
            pendingCorrections: number;
            rescoring: {
                modelVersion: number;
                windowDays: number;
                since: string;
                total: number;
                done: number;
            } | null;
        };
        TicketListDto_Output: {
            total: number;
            tickets: {
                id: string;
                incidentKey: string;
                clusterId?: string;
                title: string;
                /** @enum {string} */
                level: "general" | "important" | "urgent" | "major";
                /** @enum {string} */
                peakLevel: "general" | "important" | "urgent" | "major";
                /** @enum {string} */
                state: "open" | "acknowledged" | "investigating" | "responding" | "resolved" | "closed" | "merged";
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                slaStartedAt: string;
                /** Format: date-time */
                acknowledgedAt?: string;
                /** Format: date-time */
                firstResponseAt?: string;
                /** Format: date-time */
                resolvedAt?: string;
                /** Format: date-time */
                closedAt?: string;
                /** Format: date-time */
                updatedAt: string;
                /** Format: date-time */
                lastSignalAt?: string;
                /** Format: date-time */
                incidentStartedAt?: string;
                slaDeadlines: {
                    /** Format: date-time */
                    acknowledge?: string;
                    /** Format: date-time */
                    firstResponse?: string;
                    /** Format: date-time */
                    resolve?: string;
                };
                slaOverrides: {
                    acknowledge?: number;
                    firstResponse?: number;
                    resolve?: number;
                };
                pausedIntervals: {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to?: string;
                    reason?: string;
                }[];
                escalations: {
                    stepId: string;
                    cycle: number;
                    /** Format: date-time */
                    at: string;
                    notified: string[];
                    /** @enum {string} */
                    raisedTo?: "general" | "important" | "urgent" | "major";
                }[];
                slaNotices: string[];
                triggers: string[];
                assignees: {
                    actor: string;
                    role?: string;
                    /** Format: date-time */
                    at: string;
                }[];
                evidence: {
                    signalIds: string[];
                    mentionIds: string[];
                    signalCount: number;
                    maxSize: number;
                };
                checklist: {
                    /** @enum {string} */
                    step: "respond_soothe" | "record_facts" | "investigate_cause" | "propose_remedy" | "execute_follow_up" | "review";
                    titleZh: string;
                    titleEn: string;
                    done: boolean;
                    /** Format: date-time */
                    doneAt?: string;
                    doneBy?: string;
                }[];
                holdingStatement: {
                    zh: string;
                    en: string;
                };
                review?: {
                    rootCause: string;
                    category: string;
                    actionsTaken: string[];
                    lessons?: string;
                    customerSatisfaction?: number;
                };
                satisfaction?: {
                    score: number;
                    comment?: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                };
                mergedInto?: string;
                mergedFrom: string[];
                reopenCount: number;
                commentCount: number;
                seq: number;
                recentRequestIds: string[];
                complaint?: {
                    mentionId: string;
                    reference?: string;
                    /** @enum {string} */
                    channel: "news" | "forum" | "social" | "review" | "appstore" | "form" | "app" | "email" | "hotline" | "other";
                    /** @enum {string} */
                    sourceType: "rss" | "appstore" | "googleplay" | "mastodon" | "json" | "intake" | "replay";
                    sourceId: string;
                    /** Format: date-time */
                    receivedAt: string;
                    url?: string;
                    complainant: {
                        displayName?: string;
                        authorId?: string;
                        matchKeys: string[];
                        contact?: {
                            /** @enum {number} */
                            v: 1;
                            kid: string;
                            iv: string;
                            tag: string;
                            ct: string;
                        };
                        contactFields: ("name" | "phone" | "email")[];
                    };
                    target: {
                        products: string[];
                        stores: string[];
                        orders: string[];
                    };
                    places: string[];
                    title?: string;
                    description: string;
                    /** @enum {string} */
                    language: "zh" | "en" | "mixed" | "other";
                    demands: {
                        /** @enum {string} */
                        kind: "refund" | "exchange" | "reship" | "compensation" | "apology" | "explanation";
                        /** @enum {string} */
                        source: "detected" | "person";
                        evidence?: string;
                    }[];
                    money: {
                        amount: number;
                        currency: string;
                    }[];
                    evidence: {
                        /** @enum {string} */
                        kind: "link" | "attachment";
                        url?: string;
                        name?: string;
                        mediaType?: string;
                        size?: number;
                    }[];
                    emotion: {
                        /** @enum {string} */
                        level: "calm" | "agitated" | "angry";
                        intensity: number;
                    };
                    sentiment: number;
                    rating?: number;
                    cues: {
                        /** @enum {string} */
                        kind: "manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand";
                        evidence: string;
                        confidence?: number;
                    }[];
                    history: {
                        tickets: {
                            id: string;
                            /** Format: date-time */
                            openedAt: string;
                            state: string;
                            level: string;
                            /** @enum {string} */
                            matchedBy: "person" | "order";
                        }[];
                        posts: number;
                        repeatCount: number;
                    };
                };
                /** @default [] */
                remedies: {
                    /** @enum {string} */
                    kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                    amount?: number;
                    /** @default CNY */
                    currency: string;
                    description: string;
                    id: string;
                    /** @enum {string} */
                    status: "proposed" | "awaiting_approval" | "approved" | "rejected" | "agreed" | "declined";
                    proposedBy: string;
                    /** Format: date-time */
                    proposedAt: string;
                    decidedBy?: string;
                    /** Format: date-time */
                    decidedAt?: string;
                    decisionNote?: string;
                    customer?: {
                        agreed: boolean;
                        recordedBy: string;
                        /** Format: date-time */
                        at: string;
                        note?: string;
                    };
                }[];
                resolution?: {
                    /** @enum {string} */
                    rootCause: "incidental" | "process" | "system" | "product" | "third_party";
                    note: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                };
                outcome?: {
                    /** @enum {string} */
                    value: "incident" | "false_alarm" | "other";
                    by: string;
                    /** Format: date-time */
                    at: string;
                };
                /** @default [] */
                publicUpdates: {
                    text: string;
                    /** Format: date-time */
                    at: string;
                    by: string;
                    /** Format: date-time */
                    promisedBy?: string;
                }[];
                /** @default [] */
                notifications: {
                    id: string;
                    alertId: string;
                    channelId: string;
                    /** @enum {string} */
                    channelType: "webhook" | "wecom" | "dingtalk" | "feishu" | "slack" | "email";
                    roles: string[];
                    recipients: number;
                    /** @enum {string} */
                    status: "pending" | "sending" | "sent" | "failed";
                    attempts: number;
                    /** Format: date-time */
                    createdAt: string;
                    /** Format: date-time */
                    nextAttemptAt?: string;
                    /** Format: date-time */
                    leaseUntil?: string;
                    /** Format: date-time */
                    sentAt?: string;
                    lastError?: string;
                    lastCode?: number;
                    alert: {
                        alertId: string;
                        type: string;
                        /** @enum {string} */
                        level: "general" | "important" | "urgent" | "major";
                        title: string;
                        detail?: string;
                        /** Format: date-time */
                        at: string;
                        notify: string[];
                        /** Format: date-time */
                        deadline?: string;
                    };
                }[];
                promise?: {
                    /** Format: date-time */
                    dueAt: string;
                    text?: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                    /** Format: date-time */
                    metAt?: string;
                    /** Format: date-time */
                    missedAt?: string;
                };
                followUp?: {
                    cycle: number;
                    /** Format: date-time */
                    dueAt: string;
                    assignee: string;
                    /** Format: date-time */
                    overdueAt?: string;
                    /** Format: date-time */
                    doneAt?: string;
                    doneBy?: string;
                    /** @enum {string} */
                    outcome?: "reached" | "unreachable";
                    score?: number;
                    comment?: string;
                };
                analytics?: {
                    watchIds: string[];
                    categories: string[];
                    channels: string[];
                    places: string[];
                    teams: string[];
                    repeatOf?: string;
                    repeat: boolean;
                    /** Format: date-time */
                    firstAcknowledgedAt?: string;
                    /** Format: date-time */
                    firstRespondedAt?: string;
                    /** Format: date-time */
                    firstResolvedAt?: string;
                    ackMinutes?: number;
                    firstResponseMinutes?: number;
                    handlingMinutes?: number;
                    sla: {
                        /** @enum {string} */
                        acknowledge?: "met" | "breached";
                        /** @enum {string} */
                        firstResponse?: "met" | "breached";
                        /** @enum {string} */
                        resolve?: "met" | "breached";
                    };
                    escalations: number;
                    ladderEscalations: number;
                    fcr?: boolean;
                };
            }[];
        };
        TicketDetailDto_Output: {
            ticket: {
                id: string;
                incidentKey: string;
                clusterId?: string;
                title: string;
                /** @enum {string} */
                level: "general" | "important" | "urgent" | "major";
                /** @enum {string} */
                peakLevel: "general" | "important" | "urgent" | "major";
                /** @enum {string} */
                state: "open" | "acknowledged" | "investigating" | "responding" | "resolved" | "closed" | "merged";
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                slaStartedAt: string;
                /** Format: date-time */
                acknowledgedAt?: string;
                /** Format: date-time */
                firstResponseAt?: string;
                /** Format: date-time */
                resolvedAt?: string;
                /** Format: date-time */
                closedAt?: string;
                /** Format: date-time */
                updatedAt: string;
                /** Format: date-time */
                lastSignalAt?: string;
                /** Format: date-time */
                incidentStartedAt?: string;
                slaDeadlines: {
                    /** Format: date-time */
                    acknowledge?: string;
                    /** Format: date-time */
                    firstResponse?: string;
                    /** Format: date-time */
                    resolve?: string;
                };
                slaOverrides: {
                    acknowledge?: number;
                    firstResponse?: number;
                    resolve?: number;
                };
                pausedIntervals: {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to?: string;
                    reason?: string;
                }[];
                escalations: {
                    stepId: string;
                    cycle: number;
                    /** Format: date-time */
                    at: string;
                    notified: string[];
                    /** @enum {string} */
                    raisedTo?: "general" | "important" | "urgent" | "major";
                }[];
                slaNotices: string[];
                triggers: string[];
                assignees: {
                    actor: string;
                    role?: string;
                    /** Format: date-time */
                    at: string;
                }[];
                evidence: {
                    signalIds: string[];
                    mentionIds: string[];
                    signalCount: number;
                    maxSize: number;
                };
                checklist: {
                    /** @enum {string} */
                    step: "respond_soothe" | "record_facts" | "investigate_cause" | "propose_remedy" | "execute_follow_up" | "review";
                    titleZh: string;
                    titleEn: string;
                    done: boolean;
                    /** Format: date-time */
                    doneAt?: string;
                    doneBy?: string;
                }[];
                holdingStatement: {
                    zh: string;
                    en: string;
                };
                review?: {
                    rootCause: string;
                    category: string;
                    actionsTaken: string[];
                    lessons?: string;
                    customerSatisfaction?: number;
                };
                satisfaction?: {
                    score: number;
                    comment?: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                };
                mergedInto?: string;
                mergedFrom: string[];
                reopenCount: number;
                commentCount: number;
                seq: number;
                recentRequestIds: string[];
                complaint?: {
                    mentionId: string;
                    reference?: string;
                    /** @enum {string} */
                    channel: "news" | "forum" | "social" | "review" | "appstore" | "form" | "app" | "email" | "hotline" | "other";
                    /** @enum {string} */
                    sourceType: "rss" | "appstore" | "googleplay" | "mastodon" | "json" | "intake" | "replay";
                    sourceId: string;
                    /** Format: date-time */
                    receivedAt: string;
                    url?: string;
                    complainant: {
                        displayName?: string;
                        authorId?: string;
                        matchKeys: string[];
                        contact?: {
                            /** @enum {number} */
                            v: 1;
                            kid: string;
                            iv: string;
                            tag: string;
                            ct: string;
                        };
                        contactFields: ("name" | "phone" | "email")[];
                    };
                    target: {
                        products: string[];
                        stores: string[];
                        orders: string[];
                    };
                    places: string[];
                    title?: string;
                    description: string;
                    /** @enum {string} */
                    language: "zh" | "en" | "mixed" | "other";
                    demands: {
                        /** @enum {string} */
                        kind: "refund" | "exchange" | "reship" | "compensation" | "apology" | "explanation";
                        /** @enum {string} */
                        source: "detected" | "person";
                        evidence?: string;
                    }[];
                    money: {
                        amount: number;
                        currency: string;
                    }[];
                    evidence: {
                        /** @enum {string} */
                        kind: "link" | "attachment";
                        url?: string;
                        name?: string;
                        mediaType?: string;
                        size?: number;
                    }[];
                    emotion: {
                        /** @enum {string} */
                        level: "calm" | "agitated" | "angry";
                        intensity: number;
                    };
                    sentiment: number;
                    rating?: number;
                    cues: {
                        /** @enum {string} */
                        kind: "manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand";
                        evidence: string;
                        confidence?: number;
                    }[];
                    history: {
                        tickets: {
                            id: string;
                            /** Format: date-time */
                            openedAt: string;
                            state: string;
                            level: string;
                            /** @enum {string} */
                            matchedBy: "person" | "order";
                        }[];
                        posts: number;
                        repeatCount: number;
                    };
                };
                /** @default [] */
                remedies: {
                    /** @enum {string} */
                    kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                    amount?: number;
                    /** @default CNY */
                    currency: string;
                    description: string;
                    id: string;
                    /** @enum {string} */
                    status: "proposed" | "awaiting_approval" | "approved" | "rejected" | "agreed" | "declined";
                    proposedBy: string;
                    /** Format: date-time */
                    proposedAt: string;
                    decidedBy?: string;
                    /** Format: date-time */
                    decidedAt?: string;
                    decisionNote?: string;
                    customer?: {
                        agreed: boolean;
                        recordedBy: string;
                        /** Format: date-time */
                        at: string;
                        note?: string;
                    };
                }[];
                resolution?: {
                    /** @enum {string} */
                    rootCause: "incidental" | "process" | "system" | "product" | "third_party";
                    note: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                };
                outcome?: {
                    /** @enum {string} */
                    value: "incident" | "false_alarm" | "other";
                    by: string;
                    /** Format: date-time */
                    at: string;
                };
                /** @default [] */
                publicUpdates: {
                    text: string;
                    /** Format: date-time */
                    at: string;
                    by: string;
                    /** Format: date-time */
                    promisedBy?: string;
                }[];
                /** @default [] */
                notifications: {
                    id: string;
                    alertId: string;
                    channelId: string;
                    /** @enum {string} */
                    channelType: "webhook" | "wecom" | "dingtalk" | "feishu" | "slack" | "email";
                    roles: string[];
                    recipients: number;
                    /** @enum {string} */
                    status: "pending" | "sending" | "sent" | "failed";
                    attempts: number;
                    /** Format: date-time */
                    createdAt: string;
                    /** Format: date-time */
                    nextAttemptAt?: string;
                    /** Format: date-time */
                    leaseUntil?: string;
                    /** Format: date-time */
                    sentAt?: string;
                    lastError?: string;
                    lastCode?: number;
                    alert: {
                        alertId: string;
                        type: string;
                        /** @enum {string} */
                        level: "general" | "important" | "urgent" | "major";
                        title: string;
                        detail?: string;
                        /** Format: date-time */
                        at: string;
                        notify: string[];
                        /** Format: date-time */
                        deadline?: string;
                    };
                }[];
                promise?: {
                    /** Format: date-time */
                    dueAt: string;
                    text?: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                    /** Format: date-time */
                    metAt?: string;
                    /** Format: date-time */
                    missedAt?: string;
                };
                followUp?: {
                    cycle: number;
                    /** Format: date-time */
                    dueAt: string;
                    assignee: string;
                    /** Format: date-time */
                    overdueAt?: string;
                    /** Format: date-time */
                    doneAt?: string;
                    doneBy?: string;
                    /** @enum {string} */
                    outcome?: "reached" | "unreachable";
                    score?: number;
                    comment?: string;
                };
                analytics?: {
                    watchIds: string[];
                    categories: string[];
                    channels: string[];
                    places: string[];
                    teams: string[];
                    repeatOf?: string;
                    repeat: boolean;
                    /** Format: date-time */
                    firstAcknowledgedAt?: string;
                    /** Format: date-time */
                    firstRespondedAt?: string;
                    /** Format: date-time */
                    firstResolvedAt?: string;
                    ackMinutes?: number;
                    firstResponseMinutes?: number;
                    handlingMinutes?: number;
                    sla: {
                        /** @enum {string} */
                        acknowledge?: "met" | "breached";
                        /** @enum {string} */
                        firstResponse?: "met" | "breached";
                        /** @enum {string} */
                        resolve?: "met" | "breached";
                    };
                    escalations: number;
                    ladderEscalations: number;
                    fcr?: boolean;
                };
            };
            events: {
                eventId: string;
                ticketId: string;
                seq: number;
                /** @enum {string} */
                type: "opened" | "evidence_attached" | "reopened" | "acknowledged" | "assigned" | "unassigned" | "commented" | "transitioned" | "level_changed" | "merged_into" | "merged_from" | "satisfaction_recorded" | "response_recorded" | "step_checked" | "waiting_started" | "waiting_ended" | "closed" | "sla_warning" | "sla_breached" | "escalation_fired" | "action_rejected" | "remedy_proposed" | "remedy_decided" | "agreement_recorded" | "resolved" | "complaint_edited" | "public_update_posted" | "notification_sent" | "notification_failed" | "promise_set" | "promise_kept" | "promise_missed" | "follow_up_scheduled" | "follow_up_overdue" | "follow_up_recorded" | "repeat_complaint" | "outcome_recorded";
                actor: string;
                /** Format: date-time */
                at: string;
                requestId?: string;
                before?: {
                    [key: string]: unknown;
                };
                after?: {
                    [key: string]: unknown;
                };
                note?: string;
                error?: {
                    code: string;
                    message: string;
                };
                knowledge?: {
                    entryId: string;
                    version: number;
                };
                changes?: {
                    set: {
                        id?: string;
                        incidentKey?: string;
                        clusterId?: string;
                        title?: string;
                        /** @enum {string} */
                        level?: "general" | "important" | "urgent" | "major";
                        /** @enum {string} */
                        peakLevel?: "general" | "important" | "urgent" | "major";
                        /** @enum {string} */
                        state?: "open" | "acknowledged" | "investigating" | "responding" | "resolved" | "closed" | "merged";
                        /** Format: date-time */
                        openedAt?: string;
                        /** Format: date-time */
                        slaStartedAt?: string;
                        /** Format: date-time */
                        acknowledgedAt?: string;
                        /** Format: date-time */
                        firstResponseAt?: string;
                        /** Format: date-time */
                        resolvedAt?: string;
                        /** Format: date-time */
                        closedAt?: string;
                        /** Format: date-time */
                        updatedAt?: string;
                        /** Format: date-time */
                        lastSignalAt?: string;
                        /** Format: date-time */
                        incidentStartedAt?: string;
                        slaDeadlines?: {
                            /** Format: date-time */
                            acknowledge?: string;
                            /** Format: date-time */
                            firstResponse?: string;
                            /** Format: date-time */
                            resolve?: string;
                        };
                        slaOverrides?: {
                            acknowledge?: number;
                            firstResponse?: number;
                            resolve?: number;
                        };
                        pausedIntervals?: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to?: string;
                            reason?: string;
                        }[];
                        escalations?: {
                            stepId: string;
                            cycle: number;
                            /** Format: date-time */
                            at: string;
                            notified: string[];
                            /** @enum {string} */
                            raisedTo?: "general" | "important" | "urgent" | "major";
                        }[];
                        slaNotices?: string[];
                        triggers?: string[];
                        assignees?: {
                            actor: string;
                            role?: string;
                            /** Format: date-time */
                            at: string;
                        }[];
                        evidence?: {
                            signalIds: string[];
                            mentionIds: string[];
                            signalCount: number;
                            maxSize: number;
                        };
                        checklist?: {
                            /** @enum {string} */
                            step: "respond_soothe" | "record_facts" | "investigate_cause" | "propose_remedy" | "execute_follow_up" | "review";
                            titleZh: string;
                            titleEn: string;
                            done: boolean;
                            /** Format: date-time */
                            doneAt?: string;
                            doneBy?: string;
                        }[];
                        holdingStatement?: {
                            zh: string;
                            en: string;
                        };
                        review?: {
                            rootCause: string;
                            category: string;
                            actionsTaken: string[];
                            lessons?: string;
                            customerSatisfaction?: number;
                        };
                        satisfaction?: {
                            score: number;
                            comment?: string;
                            by: string;
                            /** Format: date-time */
                            at: string;
                        };
                        mergedInto?: string;
                        mergedFrom?: string[];
                        reopenCount?: number;
                        commentCount?: number;
                        seq?: number;
                        complaint?: {
                            mentionId: string;
                            reference?: string;
                            /** @enum {string} */
                            channel: "news" | "forum" | "social" | "review" | "appstore" | "form" | "app" | "email" | "hotline" | "other";
                            /** @enum {string} */
                            sourceType: "rss" | "appstore" | "googleplay" | "mastodon" | "json" | "intake" | "replay";
                            sourceId: string;
                            /** Format: date-time */
                            receivedAt: string;
                            url?: string;
                            complainant: {
                                displayName?: string;
                                authorId?: string;
                                matchKeys: string[];
                                contact?: {
                                    /** @enum {number} */
                                    v: 1;
                                    kid: string;
                                    iv: string;
                                    tag: string;
                                    ct: string;
                                };
                                contactFields: ("name" | "phone" | "email")[];
                            };
                            target: {
                                products: string[];
                                stores: string[];
                                orders: string[];
                            };
                            places: string[];
                            title?: string;
                            description: string;
                            /** @enum {string} */
                            language: "zh" | "en" | "mixed" | "other";
                            demands: {
                                /** @enum {string} */
                                kind: "refund" | "exchange" | "reship" | "compensation" | "apology" | "explanation";
                                /** @enum {string} */
                                source: "detected" | "person";
                                evidence?: string;
                            }[];
                            money: {
                                amount: number;
                                currency: string;
                            }[];
                            evidence: {
                                /** @enum {string} */
                                kind: "link" | "attachment";
                                url?: string;
                                name?: string;
                                mediaType?: string;
                                size?: number;
                            }[];
                            emotion: {
                                /** @enum {string} */
                                level: "calm" | "agitated" | "angry";
                                intensity: number;
                            };
                            sentiment: number;
                            rating?: number;
                            cues: {
                                /** @enum {string} */
                                kind: "manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand";
                                evidence: string;
                                confidence?: number;
                            }[];
                            history: {
                                tickets: {
                                    id: string;
                                    /** Format: date-time */
                                    openedAt: string;
                                    state: string;
                                    level: string;
                                    /** @enum {string} */
                                    matchedBy: "person" | "order";
                                }[];
                                posts: number;
                                repeatCount: number;
                            };
                        };
                        resolution?: {
                            /** @enum {string} */
                            rootCause: "incidental" | "process" | "system" | "product" | "third_party";
                            note: string;
                            by: string;
                            /** Format: date-time */
                            at: string;
                        };
                        outcome?: {
                            /** @enum {string} */
                            value: "incident" | "false_alarm" | "other";
                            by: string;
                            /** Format: date-time */
                            at: string;
                        };
                        promise?: {
                            /** Format: date-time */
                            dueAt: string;
                            text?: string;
                            by: string;
                            /** Format: date-time */
                            at: string;
                            /** Format: date-time */
                            metAt?: string;
                            /** Format: date-time */
                            missedAt?: string;
                        };
                        followUp?: {
                            cycle: number;
                            /** Format: date-time */
                            dueAt: string;
                            assignee: string;
                            /** Format: date-time */
                            overdueAt?: string;
                            /** Format: date-time */
                            doneAt?: string;
                            doneBy?: string;
                            /** @enum {string} */
                            outcome?: "reached" | "unreachable";
                            score?: number;
                            comment?: string;
                        };
                        analytics?: {
                            watchIds: string[];
                            categories: string[];
                            channels: string[];
                            places: string[];
                            teams: string[];
                            repeatOf?: string;
                            repeat: boolean;
                            /** Format: date-time */
                            firstAcknowledgedAt?: string;
                            /** Format: date-time */
                            firstRespondedAt?: string;
                            /** Format: date-time */
                            firstResolvedAt?: string;
                            ackMinutes?: number;
                            firstResponseMinutes?: number;
                            handlingMinutes?: number;
                            sla: {
                                /** @enum {string} */
                                acknowledge?: "met" | "breached";
                                /** @enum {string} */
                                firstResponse?: "met" | "breached";
                                /** @enum {string} */
                                resolve?: "met" | "breached";
                            };
                            escalations: number;
                            ladderEscalations: number;
                            fcr?: boolean;
                        };
                        remedies?: {
                            /** @enum {string} */
                            kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                            amount?: number;
                            /** @default CNY */
                            currency: string;
                            description: string;
                            id: string;
                            /** @enum {string} */
                            status: "proposed" | "awaiting_approval" | "approved" | "rejected" | "agreed" | "declined";
                            proposedBy: string;
                            /** Format: date-time */
                            proposedAt: string;
                            decidedBy?: string;
                            /** Format: date-time */
                            decidedAt?: string;
                            decisionNote?: string;
                            customer?: {
                                agreed: boolean;
                                recordedBy: string;
                                /** Format: date-time */
                                at: string;
                                note?: string;
                            };
                        }[];
                        publicUpdates?: {
                            text: string;
                            /** Format: date-time */
                            at: string;
                            by: string;
                            /** Format: date-time */
                            promisedBy?: string;
                        }[];
                        notifications?: {
                            id: string;
                            alertId: string;
                            channelId: string;
                            /** @enum {string} */
                            channelType: "webhook" | "wecom" | "dingtalk" | "feishu" | "slack" | "email";
                            roles: string[];
                            recipients: number;
                            /** @enum {string} */
                            status: "pending" | "sending" | "sent" | "failed";
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            nextAttemptAt?: string;
                            /** Format: date-time */
                            leaseUntil?: string;
                            /** Format: date-time */
                            sentAt?: string;
                            lastError?: string;
                            lastCode?: number;
                            alert: {
                                alertId: string;
                                type: string;
                                /** @enum {string} */
                                level: "general" | "important" | "urgent" | "major";
                                title: string;
                                detail?: string;
                                /** Format: date-time */
                                at: string;
                                notify: string[];
                                /** Format: date-time */
                                deadline?: string;
                            };
                        }[];
                    };
                    unset: ("id" | "incidentKey" | "clusterId" | "title" | "level" | "peakLevel" | "state" | "openedAt" | "slaStartedAt" | "acknowledgedAt" | "firstResponseAt" | "resolvedAt" | "closedAt" | "updatedAt" | "lastSignalAt" | "incidentStartedAt" | "slaDeadlines" | "slaOverrides" | "pausedIntervals" | "escalations" | "slaNotices" | "triggers" | "assignees" | "evidence" | "checklist" | "holdingStatement" | "review" | "satisfaction" | "mergedInto" | "mergedFrom" | "reopenCount" | "commentCount" | "seq" | "recentRequestIds" | "complaint" | "remedies" | "resolution" | "outcome" | "publicUpdates" | "notifications" | "promise" | "followUp" | "analytics")[];
                };
            }[];
        };
        TicketActionBodyDto: {
            requestId?: string;
            /** @enum {string} */
            type: "acknowledge";
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "assign";
            assignee?: string;
            role?: string;
            remove?: boolean;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "comment";
            text: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "transition";
            /** @enum {string} */
            to: "open" | "acknowledged" | "investigating" | "responding" | "resolved" | "closed" | "merged";
            note?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "change_level";
            /** @enum {string} */
            level: "general" | "important" | "urgent" | "major";
            reason?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "merge";
            intoTicketId: string;
            reason?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "record_satisfaction";
            score: number;
            comment?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "close_with_review";
            review: {
                rootCause: string;
                category: string;
                actionsTaken: string[];
                lessons?: string;
                customerSatisfaction?: number;
            };
            /**
             * @description incident: a real incident (the detector's baselines learn nothing from its hours); false_alarm: the detector was wrong; other: neither
             * @enum {string}
             */
            outcome?: "incident" | "false_alarm" | "other";
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "record_response";
            channel: string;
            text?: string;
            /** @description the knowledge-base entry and version the reply came from (counted as usage once accepted) */
            knowledge?: {
                entryId: string;
                version: number;
            };
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "check_step";
            /** @enum {string} */
            step: "respond_soothe" | "record_facts" | "investigate_cause" | "propose_remedy" | "execute_follow_up" | "review";
            done: boolean;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "pause_waiting";
            reason?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "resume_waiting";
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "propose_remedy";
            remedy: {
                /** @enum {string} */
                kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                amount?: number;
                /** @default CNY */
                currency: string;
                description: string;
            };
            /** Format: date-time */
            promisedBy?: string;
            /** @description the knowledge-base entry and version the remedy came from; its authority is taken from the stored entry */
            knowledge?: {
                entryId: string;
                version: number;
            };
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "set_promise";
            /** Format: date-time */
            dueAt: string;
            text?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "record_follow_up";
            /** @enum {string} */
            outcome: "reached" | "unreachable";
            score?: number;
            comment?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "approve_remedy";
            remedyId: string;
            approve: boolean;
            note?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "record_agreement";
            remedyId: string;
            agreed: boolean;
            note?: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "resolve";
            /** @enum {string} */
            rootCause: "incidental" | "process" | "system" | "product" | "third_party";
            note: string;
            /**
             * @description incident: a real incident (the detector's baselines learn nothing from its hours); false_alarm: the detector was wrong; other: neither
             * @enum {string}
             */
            outcome?: "incident" | "false_alarm" | "other";
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "reopen";
            reason: string;
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "edit_complaint";
            demands?: ("refund" | "exchange" | "reship" | "compensation" | "apology" | "explanation")[];
            orders?: string[];
            products?: string[];
            stores?: string[];
        } | {
            requestId?: string;
            /** @enum {string} */
            type: "post_public_update";
            text: string;
            /** Format: date-time */
            promisedBy?: string;
        };
        ActionAcceptedDto_Output: {
            requestId: string;
            ticketId: string;
            type: string;
        };
        ClusterListDto_Output: {
            total: number;
            clusters: {
                id: string;
                watchId?: string;
                title?: string;
                label: string;
                topTerms: string[];
                language?: string;
                /** Format: date-time */
                firstSeen: string;
                /** Format: date-time */
                lastSeen: string;
                size: number;
                distinctAuthors: number;
                channels: string[];
                places: string[];
                products: string[];
                categories: string[];
                orderBatches: string[];
                riskCues: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                meanSentiment: number;
                meanEmotionIntensity: number;
                reach: number;
                maxMoney: number;
                sampleMentionIds: string[];
                velocityPerHour: number;
                growth: number;
                mergedInto?: string;
                previousClusterId?: string;
                /** @enum {string} */
                status: "active" | "closed" | "merged" | "evicted";
                /** Format: date-time */
                closedAt?: string;
                severity?: {
                    /** @enum {string} */
                    level: "general" | "important" | "urgent" | "major";
                    score: number;
                    factors: {
                        /** @enum {string} */
                        factor: "reach" | "velocity" | "distinct_authors" | "money" | "risk_cue" | "emotion" | "volume" | "burst";
                        value: number;
                        contribution: number;
                        note: string;
                    }[];
                };
            }[];
        };
        ClusterDetailDto_Output: {
            id: string;
            watchId?: string;
            title?: string;
            label: string;
            topTerms: string[];
            language?: string;
            /** Format: date-time */
            firstSeen: string;
            /** Format: date-time */
            lastSeen: string;
            size: number;
            distinctAuthors: number;
            channels: string[];
            places: string[];
            products: string[];
            categories: string[];
            orderBatches: string[];
            riskCues: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
            meanSentiment: number;
            meanEmotionIntensity: number;
            reach: number;
            maxMoney: number;
            sampleMentionIds: string[];
            velocityPerHour: number;
            growth: number;
            mergedInto?: string;
            previousClusterId?: string;
            /** @enum {string} */
            status: "active" | "closed" | "merged" | "evicted";
            /** Format: date-time */
            closedAt?: string;
            severity?: {
                /** @enum {string} */
                level: "general" | "important" | "urgent" | "major";
                score: number;
                factors: {
                    /** @enum {string} */
                    factor: "reach" | "velocity" | "distinct_authors" | "money" | "risk_cue" | "emotion" | "volume" | "burst";
                    value: number;
                    contribution: number;
                    note: string;
                }[];
            };
            recentTimes: number[];
        };
        PlanAnswerDto_Output__schema0_Output: {
            kind?: ("cluster_new" | "cluster_grew" | "burst" | "burst_cooling" | "group_complaint" | "risk_flag")[];
            level?: ("general" | "important" | "urgent" | "major")[] | {
                /** @enum {string} */
                gte?: "general" | "important" | "urgent" | "major";
                /** @enum {string} */
                lte?: "general" | "important" | "urgent" | "major";
            };
            score?: {
                gt?: number;
                gte?: number;
                lt?: number;
                lte?: number;
                eq?: number;
            };
            factors?: {
                reach?: {
                    value?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                    contribution?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                };
                velocity?: {
                    value?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                    contribution?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                };
                distinct_authors?: {
                    value?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                    contribution?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                };
                money?: {
                    value?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                    contribution?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                };
                risk_cue?: {
                    value?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                    contribution?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                };
                emotion?: {
                    value?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                    contribution?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                };
                volume?: {
                    value?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                    contribution?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                };
                burst?: {
                    value?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                    contribution?: {
                        gt?: number;
                        gte?: number;
                        lt?: number;
                        lte?: number;
                        eq?: number;
                    };
                };
            };
            riskCues?: {
                any?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                all?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
                none?: ("manager_request" | "regulator" | "media" | "legal" | "vulnerable_person" | "medical_or_exam" | "safety" | "data_leak" | "collective_action" | "repeat_complaint" | "compensation_demand")[];
            };
            size?: {
                gt?: number;
                gte?: number;
                lt?: number;
                lte?: number;
                eq?: number;
            };
            distinctAuthors?: {
                gt?: number;
                gte?: number;
                lt?: number;
                lte?: number;
                eq?: number;
            };
            velocityPerHour?: {
                gt?: number;
                gte?: number;
                lt?: number;
                lte?: number;
                eq?: number;
            };
            reach?: {
                gt?: number;
                gte?: number;
                lt?: number;
                lte?: number;
                eq?: number;
            };
            maxMoney?: {
                gt?: number;
                gte?: number;
                lt?: number;
                lte?: number;
                eq?: number;
            };
            aboveFrontlineAuthority?: boolean;
            channels?: {
                any?: string[];
                all?: string[];
                none?: string[];
            };
            categories?: {
                any?: string[];
                all?: string[];
                none?: string[];
            };
            places?: {
                any?: string[];
                all?: string[];
                none?: string[];
            };
            products?: {
                any?: string[];
                all?: string[];
                none?: string[];
            };
            repeatComplaints?: {
                gt?: number;
                gte?: number;
                lt?: number;
                lte?: number;
                eq?: number;
            };
            groupComplaint?: boolean | ("organic" | "coordinated")[];
            anyOf?: components["schemas"]["PlanAnswerDto_Output__schema0_Output"][];
            not?: components["schemas"]["PlanAnswerDto_Output__schema0_Output"];
        };
        PlanAnswerDto_Output: {
            version: number;
            hash: string;
            name: string;
            text: string;
            /** Format: date-time */
            loadedAt: string;
            source: {
                /** @enum {string} */
                kind: "file" | "dashboard";
                file?: string;
                actor?: string;
                requestId?: string;
                /** Format: date-time */
                at?: string;
            };
            file: string;
            lastRefused?: {
                /** Format: date-time */
                at: string;
                source: {
                    /** @enum {string} */
                    kind: "file" | "dashboard";
                    file?: string;
                    actor?: string;
                    requestId?: string;
                    /** Format: date-time */
                    at?: string;
                };
                hash: string;
                errors: {
                    file: string;
                    line: number;
                    column: number;
                    path: string;
                    message: string;
                }[];
            };
            plan: {
                /** @enum {number} */
                version: 1;
                name: string;
                levels: {
                    general: {
                        nameZh: string;
                        nameEn: string;
                        description?: string;
                        /** @default [] */
                        notify: string[];
                    };
                    important: {
                        nameZh: string;
                        nameEn: string;
                        description?: string;
                        /** @default [] */
                        notify: string[];
                    };
                    urgent: {
                        nameZh: string;
                        nameEn: string;
                        description?: string;
                        /** @default [] */
                        notify: string[];
                    };
                    major: {
                        nameZh: string;
                        nameEn: string;
                        description?: string;
                        /** @default [] */
                        notify: string[];
                    };
                };
                authority: {
                    frontlineMoneyLimit: number;
                    /**
                     * @default [
                     *       "cs_lead"
                     *     ]
                     */
                    approverRoles: string[];
                };
                opening: {
                    /** @enum {string} */
                    minLevel: "general" | "important" | "urgent" | "major";
                    /** @default true */
                    useSignalSeverity: boolean;
                    /** @default [] */
                    ignoreKinds: ("cluster_new" | "cluster_grew" | "burst" | "burst_cooling" | "group_complaint" | "risk_flag")[];
                    singlePost?: {
                        triggers: string[];
                        /** @default 0.6 */
                        minCueConfidence: number;
                    };
                };
                reopen: {
                    windowHours: number;
                    /**
                     * @default previous
                     * @enum {string}
                     */
                    minLevel: "previous" | "general" | "important" | "urgent" | "major";
                    /**
                     * @default [
                     *       "cluster_grew",
                     *       "burst",
                     *       "group_complaint"
                     *     ]
                     */
                    growthKinds: ("cluster_new" | "cluster_grew" | "burst" | "burst_cooling" | "group_complaint" | "risk_flag")[];
                    /** @default 1.5 */
                    growthFactor: number;
                };
                triggers: {
                    id: string;
                    description?: string;
                    when: components["schemas"]["PlanAnswerDto_Output__schema0_Output"];
                    /** @enum {string} */
                    level: "general" | "important" | "urgent" | "major";
                    /** @default false */
                    escalateImmediately: boolean;
                    /** @default [] */
                    notify: string[];
                    sla?: {
                        acknowledge?: number;
                        firstResponse?: number;
                        resolve?: number;
                    };
                }[];
                roles: {
                    [key: string]: {
                        nameZh: string;
                        nameEn: string;
                        contacts: {
                            name: string;
                            user?: string;
                            phone?: string;
                            email?: string;
                            chat?: string;
                            hours?: string;
                        }[];
                        /** @default [] */
                        channels: string[];
                    };
                };
                /** @default {} */
                teams: {
                    [key: string]: {
                        name: string;
                        roles: string[];
                    };
                };
                calendar: {
                    timeZone: string;
                    hours: {
                        [key: string]: [
                            string,
                            string
                        ][];
                    };
                    /** @default [] */
                    holidays: string[];
                    /** @default [] */
                    extraWorkdays: string[];
                };
                sla: {
                    warnAtFraction: number;
                    levels: {
                        general: {
                            acknowledge: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                            firstResponse: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                            resolve: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                        };
                        important: {
                            acknowledge: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                            firstResponse: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                            resolve: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                        };
                        urgent: {
                            acknowledge: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                            firstResponse: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                            resolve: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                        };
                        major: {
                            acknowledge: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                            firstResponse: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                            resolve: {
                                minutes: number;
                                /** @enum {string} */
                                clock: "wall" | "business";
                                /** @default false */
                                pausable: boolean;
                            };
                        };
                    };
                };
                escalation: {
                    id: string;
                    description?: string;
                    /** @enum {string} */
                    unless: "acknowledged" | "responded" | "resolved";
                    afterMinutes: number;
                    /**
                     * @default wall
                     * @enum {string}
                     */
                    clock: "wall" | "business";
                    /** @default false */
                    pausable: boolean;
                    levels?: ("general" | "important" | "urgent" | "major")[];
                    /** @default [] */
                    notify: string[];
                    /** @enum {string} */
                    raiseTo?: "general" | "important" | "urgent" | "major";
                    /** @default false */
                    raiseOneLevel: boolean;
                }[];
                playbook: {
                    /** @enum {string} */
                    id: "respond_soothe" | "record_facts" | "investigate_cause" | "propose_remedy" | "execute_follow_up" | "review";
                    titleZh: string;
                    titleEn: string;
                    guidance?: string;
                }[];
                holdingStatements: {
                    general: {
                        zh: string;
                        en: string;
                    };
                    important: {
                        zh: string;
                        en: string;
                    };
                    urgent: {
                        zh: string;
                        en: string;
                    };
                    major: {
                        zh: string;
                        en: string;
                    };
                };
                notifications: {
                    /** @default [] */
                    channels: {
                        id: string;
                        /** @enum {string} */
                        type: "wecom" | "dingtalk" | "feishu" | "slack" | "email";
                        description?: string;
                        /** Format: uri */
                        url?: string;
                        /**
                         * @default general
                         * @enum {string}
                         */
                        minLevel: "general" | "important" | "urgent" | "major";
                        on?: ("new_ticket" | "level_raised" | "sla_warning" | "sla_breached" | "escalated" | "cooling" | "reopened" | "approval_requested" | "updated" | "promise_missed" | "follow_up_overdue")[];
                    }[];
                    /** @default [] */
                    webhooks: {
                        id: string;
                        description?: string;
                        /** Format: uri */
                        url: string;
                        /**
                         * @default POST
                         * @enum {string}
                         */
                        method: "POST" | "PUT";
                        /** @default {} */
                        headers: {
                            [key: string]: string;
                        };
                        on: ("new_ticket" | "level_raised" | "sla_warning" | "sla_breached" | "escalated" | "cooling" | "reopened" | "approval_requested" | "updated" | "promise_missed" | "follow_up_overdue")[];
                        /**
                         * @default general
                         * @enum {string}
                         */
                        minLevel: "general" | "important" | "urgent" | "major";
                        body: string;
                    }[];
                };
                privacy: {
                    mask: ("phone" | "id_card" | "email" | "order_id" | "name" | "address" | "bank_card" | "plate")[];
                    maskIn: ("webhooks" | "alerts" | "tickets" | "dashboard" | "exports" | "logs")[];
                    /** @default [] */
                    unmaskRoles: string[];
                    /** @default [] */
                    contactRoles: string[];
                    /** @default true */
                    contactAssignees: boolean;
                };
                reports: {
                    daily: {
                        /** @default true */
                        enabled: boolean;
                        /** @default 09:00 */
                        at: string;
                        /** @default [] */
                        roles: string[];
                    };
                    weekly: {
                        /** @default true */
                        enabled: boolean;
                        /** @default 09:00 */
                        at: string;
                        /** @default [] */
                        roles: string[];
                    };
                    monthly: {
                        /** @default true */
                        enabled: boolean;
                        /** @default 09:00 */
                        at: string;
                        /** @default [] */
                        roles: string[];
                    };
                    /**
                     * @default [
                     *       "zh-CN"
                     *     ]
                     */
                    languages: ("zh-CN" | "en")[];
                    /** @default [] */
                    webhooks: {
                        id: string;
                        description?: string;
                        /** Format: uri */
                        url: string;
                        /** @default {} */
                        headers: {
                            [key: string]: string;
                        };
                    }[];
                };
                promises: {
                    /** @default [] */
                    notify: string[];
                    /** @default false */
                    raiseOneLevel: boolean;
                    /** @default 336 */
                    maxHours: number;
                };
                followUp: {
                    /** @default 1 */
                    afterWorkingDays: number;
                    /** @default [] */
                    notifyOverdue: string[];
                    lowSatisfaction: {
                        /** @default 2 */
                        atOrBelow: number;
                        /**
                         * @default reopen
                         * @enum {string}
                         */
                        action: "reopen" | "escalate";
                        /** @default [] */
                        notify: string[];
                    };
                    repeatComplaint: {
                        /** @default 7 */
                        withinDays: number;
                        /**
                         * @default reopen
                         * @enum {string}
                         */
                        action: "reopen" | "escalate";
                        /** @default [] */
                        notify: string[];
                    };
                };
            };
        };
        PlanEditBodyDto: {
            /** @description the whole plan, YAML */
            text: string;
            baseHash: string;
            requestId?: string;
        };
        PlanEditAnswerDto_Output: {
            /**
             * @description sent: the responder decides, see GET /api/plan; unchanged: the text is the plan in force
             * @enum {string}
             */
            status: "sent" | "unchanged";
            requestId?: string;
        };
        PlanInvalidDto_Output: {
            /** @enum {number} */
            statusCode: 400;
            error: string;
            message: string;
            errors: {
                file: string;
                line: number;
                column: number;
                path: string;
                message: string;
            }[];
        };
        PlanChangedDto_Output: {
            /** @enum {number} */
            statusCode: 409;
            error: string;
            message: string;
            version: number;
            hash: string;
        };
        PlanVersionListDto_Output: {
            versions: {
                /** @enum {string} */
                outcome: "accepted" | "refused";
                version?: number;
                /** Format: date-time */
                at: string;
                source: {
                    /** @enum {string} */
                    kind: "file" | "dashboard";
                    file?: string;
                    actor?: string;
                    requestId?: string;
                    /** Format: date-time */
                    at?: string;
                };
                hash: string;
                name?: string;
                errors?: {
                    file: string;
                    line: number;
                    column: number;
                    path: string;
                    message: string;
                }[];
            }[];
        };
        SourceListDto_Output: {
            sources: {
                sourceId: string;
                /** @enum {string} */
                status: "ok" | "failing" | "stale" | "never-polled";
                /** Format: date-time */
                lastSuccessAt?: string;
                /** Format: date-time */
                lastErrorAt?: string;
                lastError?: string;
                errorCount: number;
                consecutiveErrors: number;
                itemsEmitted: number;
                itemsLastHour: number;
                lagMs?: number;
                sinceSuccessMs?: number;
                gaps: {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to: string;
                    reason: string;
                    /** @default false */
                    open: boolean;
                }[];
                /** Format: date-time */
                at: string;
                type?: string;
                enabled?: boolean;
                config?: {
                    [key: string]: unknown;
                };
                version?: number;
                changedAt?: string;
                changedBy?: string;
                deleted?: boolean;
            }[];
        };
        GapListDto_Output: {
            gaps: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                reason: string;
                /** @default false */
                open: boolean;
                sourceId: string;
            }[];
        };
        SourceFormDto: {
            id: string;
            /** @enum {string} */
            type: "rss" | "appstore" | "googleplay" | "mastodon" | "json";
        };
        SourceFormCheckDto_Output: {
            ok: boolean;
            issues: {
                field: string;
                message: string;
            }[];
        };
        SourceTestResultDto_Output: {
            requestId?: string;
            ok: boolean;
            error?: string;
            fetched: number;
            items: {
                mention: {
                    [key: string]: unknown;
                };
                kept: boolean;
            }[];
            ms?: number;
            /** Format: date-time */
            at?: string;
        };
        SourceHistoryDto_Output: {
            history: {
                /** @enum {string} */
                kind: "watch" | "source" | "knowledge";
                targetId: string;
                version: number;
                /** @enum {string} */
                action: "create" | "update" | "delete" | "restore" | "seed";
                actor: string;
                /** Format: date-time */
                at: string;
                changes: string[];
                note?: string;
                snapshot: {
                    [key: string]: unknown;
                };
            }[];
        };
        SourceSavedDto_Output: {
            source: {
                id: string;
                config: {
                    [key: string]: unknown;
                };
                version: number;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
                /** Format: date-time */
                deletedAt?: string;
                deletedBy?: string;
            };
        };
        ConfigNoteBodyDto: {
            /** @description why (kept in the history) */
            note?: string;
        };
        VolumeAnswerDto_Output: {
            current: {
                from: string;
                to: string;
                total: number;
                negative: number;
            };
            past: {
                from: string;
                to: string;
                total: number;
                negative: number;
            }[];
            baseline: number;
            ratio: number | null;
        };
        ContactRequestDto: {
            /** @description why the contact is needed (kept in the audit) */
            reason?: string;
        };
        ContactAnswerDto_Output: {
            name?: string;
            phone?: string;
            email?: string;
            /** Format: date-time */
            viewedAt: string;
        };
        ContactViewDto_Output: {
            id: string;
            ticketId: string;
            mentionId: string;
            actor: string;
            role: string;
            planRoles: string[];
            /** @enum {string} */
            outcome: "shown" | "denied";
            basis: string;
            reason?: string;
            fields: ("name" | "phone" | "email")[];
            /** Format: date-time */
            at: string;
        };
        ProgressViewDto_Output: {
            reference: string;
            /** @enum {string} */
            status: "received" | "in_progress" | "waiting_for_you" | "resolved" | "closed";
            /** Format: date-time */
            receivedAt?: string;
            lastUpdate?: {
                text: string;
                /** Format: date-time */
                at: string;
            };
            /** Format: date-time */
            promisedBy?: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        TicketKpiReportDto_Output: {
            filter: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                /** @default UTC */
                tz: string;
                /** @default [] */
                watch: string[];
                /** @default [] */
                team: string[];
                /** @default [] */
                level: ("general" | "important" | "urgent" | "major")[];
                /** @default [] */
                category: string[];
                /** @default [] */
                channel: string[];
                /** @default [] */
                rootCause: ("incidental" | "process" | "system" | "product" | "third_party" | "not_recorded")[];
            };
            previous: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
            };
            current: {
                volume: number;
                acknowledge: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                firstResponse: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                handling: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                sla: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                fcr: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                reopen: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                repeat: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                escalations: {
                    of: number;
                    count: number;
                    rate: number | null;
                    steps: number;
                };
                csat: {
                    of: number;
                    count: number;
                    rate: number | null;
                    average: number | null;
                };
                precision: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
            };
            previousValues: {
                volume: number;
                acknowledge: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                firstResponse: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                handling: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                sla: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                fcr: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                reopen: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                repeat: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                escalations: {
                    of: number;
                    count: number;
                    rate: number | null;
                    steps: number;
                };
                csat: {
                    of: number;
                    count: number;
                    rate: number | null;
                    average: number | null;
                };
                precision: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
            };
            /** @enum {string} */
            interval: "day" | "week" | "month";
            trend: {
                volume: number;
                acknowledge: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                firstResponse: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                handling: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                sla: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                fcr: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                reopen: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                repeat: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                escalations: {
                    of: number;
                    count: number;
                    rate: number | null;
                    steps: number;
                };
                csat: {
                    of: number;
                    count: number;
                    rate: number | null;
                    average: number | null;
                };
                precision: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                /** Format: date-time */
                key: string;
            }[];
            previousTrend: {
                volume: number;
                acknowledge: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                firstResponse: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                handling: {
                    count: number;
                    p50: number | null;
                    p90: number | null;
                };
                sla: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                fcr: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                reopen: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                repeat: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                escalations: {
                    of: number;
                    count: number;
                    rate: number | null;
                    steps: number;
                };
                csat: {
                    of: number;
                    count: number;
                    rate: number | null;
                    average: number | null;
                };
                precision: {
                    of: number;
                    count: number;
                    rate: number | null;
                };
                /** Format: date-time */
                key: string;
            }[];
            sla: {
                /** @enum {string} */
                level: "general" | "important" | "urgent" | "major";
                /** @enum {string} */
                target: "acknowledge" | "firstResponse" | "resolve";
                met: number;
                breached: number;
                pending: number;
                rate: number | null;
            }[];
            backlog: {
                /** Format: date-time */
                asOf: string;
                buckets: {
                    /** @enum {string} */
                    bucket: "lt1h" | "h1to4" | "h4to24" | "d1to3" | "d3to7" | "gt7d";
                    total: number;
                    perLevel: {
                        [key: string]: number;
                    };
                }[];
            };
            /** @enum {string} */
            groupBy?: "level" | "team" | "category" | "channel" | "watch" | "rootCause";
            groups: {
                key: string;
                values: {
                    volume: number;
                    acknowledge: {
                        count: number;
                        p50: number | null;
                        p90: number | null;
                    };
                    firstResponse: {
                        count: number;
                        p50: number | null;
                        p90: number | null;
                    };
                    handling: {
                        count: number;
                        p50: number | null;
                        p90: number | null;
                    };
                    sla: {
                        of: number;
                        count: number;
                        rate: number | null;
                    };
                    fcr: {
                        of: number;
                        count: number;
                        rate: number | null;
                    };
                    reopen: {
                        of: number;
                        count: number;
                        rate: number | null;
                    };
                    repeat: {
                        of: number;
                        count: number;
                        rate: number | null;
                    };
                    escalations: {
                        of: number;
                        count: number;
                        rate: number | null;
                        steps: number;
                    };
                    csat: {
                        of: number;
                        count: number;
                        rate: number | null;
                        average: number | null;
                    };
                    precision: {
                        of: number;
                        count: number;
                        rate: number | null;
                    };
                };
            }[];
            rootCauses: {
                /** @enum {string} */
                key: "incidental" | "process" | "system" | "product" | "third_party" | "not_recorded";
                count: number;
                previous: number;
            }[];
        };
        TicketsBehindDto_Output: {
            total: number;
            page: number;
            size: number;
            tickets: {
                id: string;
                title: string;
                /** @enum {string} */
                level: "general" | "important" | "urgent" | "major";
                state: string;
                /** Format: date-time */
                openedAt: string;
                value: (number | boolean | string) | null;
            }[];
        };
        DimensionValuesDto_Output: {
            [key: string]: string[];
        };
        MentionOverviewDto_Output: {
            filter: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                /** @default [] */
                watch: string[];
                /** @default [] */
                category: string[];
                /** @default [] */
                channel: string[];
            };
            mentions: number;
            negative: number;
            places: {
                name: string;
                count: number;
            }[];
            regions: {
                zh: {
                    name: string;
                    count: number;
                    parts: {
                        name: string;
                        count: number;
                    }[];
                }[];
                en: {
                    name: string;
                    count: number;
                    parts: {
                        name: string;
                        count: number;
                    }[];
                }[];
            };
            hotWords: {
                term: string;
                count: number;
                previous: number;
            }[];
            hotWordsSample: {
                probability: number;
                posts: number;
            };
            ubiquitous: string[];
            shareOfVoice: {
                watchId: string;
                competitor: boolean;
                total: number;
                negative: number;
                neutral: number;
                positive: number;
                share: number | null;
            }[];
        };
        XlsxExportBodyDto: {
            sheet: string;
            columns: string[];
            rows: ((string | number | boolean) | null)[][];
        };
        SavedSearchDto_Output: {
            id: string;
            owner: string;
            name: string;
            query: {
                q?: string;
                from?: string;
                to?: string;
                /** @default [] */
                language: string[];
                /** @default [] */
                channel: string[];
                /** @default [] */
                sentiment: string[];
                /** @default [] */
                category: string[];
                /** @default [] */
                place: string[];
                /** @default [] */
                riskCue: string[];
                /** @default [] */
                watch: string[];
                /**
                 * @default newest
                 * @enum {string}
                 */
                sort: "newest" | "oldest" | "relevance";
            };
            /** Format: date-time */
            createdAt: string;
        };
        SaveSearchBodyDto: {
            name: string;
            query: {
                q?: string;
                from?: string;
                to?: string;
                /** @default [] */
                language: string[];
                /** @default [] */
                channel: string[];
                /** @default [] */
                sentiment: string[];
                /** @default [] */
                category: string[];
                /** @default [] */
                place: string[];
                /** @default [] */
                riskCue: string[];
                /** @default [] */
                watch: string[];
                /**
                 * @default newest
                 * @enum {string}
                 */
                sort: "newest" | "oldest" | "relevance";
            };
        };
        SavedSearchDeletedDto_Output: {
            id: string;
            /** @enum {boolean} */
            deleted: true;
        };
        IncidentViewDto_Output: {
            /** @enum {string} */
            kind: "cluster" | "ticket";
            id: string;
            title: string;
            named: number;
            found: number;
            firstPost?: {
                id: string;
                /** Format: date-time */
                publishedAt: string;
                channel: string;
                sourceId: string;
                url?: string;
                author?: {
                    id?: string;
                    name?: string;
                    followers?: number;
                };
                excerpt: string;
            };
            /** @enum {string} */
            interval: "minute" | "hour" | "day";
            spread: {
                /** Format: date-time */
                key: string;
                total: number;
                channels: {
                    [key: string]: number;
                };
            }[];
            channels: {
                key: string;
                count: number;
            }[];
            topAuthors: {
                author: string;
                name?: string;
                posts: number;
                reach: number;
            }[];
            relatedClusters: {
                id: string;
                label: string;
                size: number;
                /** Format: date-time */
                lastSeen: string;
                why: string;
            }[];
            summary: {
                language: string;
                text: string;
                from: string[];
            };
        };
        ReportListDto_Output: {
            total: number;
            reports: {
                id: string;
                /** @enum {string} */
                kind: "daily" | "weekly" | "monthly";
                watch: string;
                /** @enum {string} */
                language: "zh-CN" | "en";
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
                timeZone: string;
                label: string;
                title: string;
                /** @enum {string} */
                status: "rendering" | "done" | "failed";
                attempts: number;
                error?: string;
                /** Format: date-time */
                nextAttemptAt?: string;
                requestedBy: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                /** Format: date-time */
                renderedAt?: string;
                empty?: boolean;
                headline?: {
                    tickets: number;
                    mentions: number;
                    negative: number;
                    slaRate: number | null;
                    csat: number | null;
                    breaches: number;
                };
                pdfBytes?: number;
                /** @default [] */
                deliveries: {
                    /** @enum {string} */
                    channel: "email" | "webhook";
                    target: string;
                    ok: boolean;
                    /** Format: date-time */
                    at: string;
                    error?: string;
                }[];
            }[];
        };
        ReportMetaDto_Output: {
            id: string;
            /** @enum {string} */
            kind: "daily" | "weekly" | "monthly";
            watch: string;
            /** @enum {string} */
            language: "zh-CN" | "en";
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            timeZone: string;
            label: string;
            title: string;
            /** @enum {string} */
            status: "rendering" | "done" | "failed";
            attempts: number;
            error?: string;
            /** Format: date-time */
            nextAttemptAt?: string;
            requestedBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            renderedAt?: string;
            empty?: boolean;
            headline?: {
                tickets: number;
                mentions: number;
                negative: number;
                slaRate: number | null;
                csat: number | null;
                breaches: number;
            };
            pdfBytes?: number;
            /** @default [] */
            deliveries: {
                /** @enum {string} */
                channel: "email" | "webhook";
                target: string;
                ok: boolean;
                /** Format: date-time */
                at: string;
                error?: string;
            }[];
        };
        WatchListDto_Output: {
            watches: {
                id: string;
                name: string;
                /** @default  */
                description: string;
                /** @default false */
                competitor: boolean;
                /** @default true */
                enabled: boolean;
                /** @default [] */
                brands: {
                    name: string;
                    /** @default [] */
                    aliases: string[];
                    /** @default [] */
                    handles: string[];
                    /** @default [] */
                    hashtags: string[];
                    /** @default [] */
                    appIds: string[];
                }[];
                /** @default [] */
                products: {
                    name: string;
                    /** @default [] */
                    aliases: string[];
                }[];
                /** @default [] */
                rules: string[];
                /** @default [] */
                exclusions: string[];
                /** @default [] */
                languages: ("zh" | "en" | "mixed" | "other")[];
                /** @default [] */
                sources: string[];
                /** @default false */
                sourcesOnly: boolean;
                /** @default [] */
                owners: string[];
                /** @default default */
                plan: string;
                taxonomy?: {
                    /** @default custom */
                    preset: string;
                    /** @default [] */
                    categories: {
                        id: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        /** @default [] */
                        keywords: string[];
                        /** @default [] */
                        examples: string[];
                    }[];
                };
                version: number;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
                /** Format: date-time */
                deletedAt?: string;
                deletedBy?: string;
            }[];
        };
        TaxonomyPresetsDto_Output: {
            presets: {
                id: string;
                name: {
                    zh: string;
                    en: string;
                };
                categories: {
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                    /** @default [] */
                    keywords: string[];
                    /** @default [] */
                    examples: string[];
                }[];
            }[];
        };
        CheckRuleBodyDto: {
            rule: string;
        };
        RuleCheckDto_Output: {
            ok: boolean;
            error?: string;
            reason?: string;
            position?: number;
        };
        WatchConfigDto: {
            id: string;
            name: string;
            /** @default  */
            description: string;
            /** @default false */
            competitor: boolean;
            /** @default true */
            enabled: boolean;
            /** @default [] */
            brands: {
                name: string;
                /** @default [] */
                aliases: string[];
                /** @default [] */
                handles: string[];
                /** @default [] */
                hashtags: string[];
                /** @default [] */
                appIds: string[];
            }[];
            /** @default [] */
            products: {
                name: string;
                /** @default [] */
                aliases: string[];
            }[];
            /** @default [] */
            rules: string[];
            /** @default [] */
            exclusions: string[];
            /** @default [] */
            languages: ("zh" | "en" | "mixed" | "other")[];
            /** @default [] */
            sources: string[];
            /** @default false */
            sourcesOnly: boolean;
            /** @default [] */
            owners: string[];
            /** @default default */
            plan: string;
            taxonomy?: {
                /** @default custom */
                preset: string;
                /** @default [] */
                categories: {
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                    /** @default [] */
                    keywords: string[];
                    /** @default [] */
                    examples: string[];
                }[];
            };
        };
        WatchValidationDto_Output: {
            ok: boolean;
            errors: {
                field: string;
                message: string;
                position?: number;
            }[];
            warnings: {
                field: string;
                message: string;
                position?: number;
            }[];
        };
        PreviewWatchBodyDto: {
            watch: {
                [key: string]: unknown;
            };
            /** @default 7 */
            days: number;
            /** @default 20 */
            examples: number;
        };
        WatchPreviewDto_Output: {
            from: string;
            to: string;
            candidates: number;
            scanned: number;
            matched: number;
            total: number;
            exact: boolean;
            examples: {
                mention: {
                    id: string;
                    sourceId: string;
                    /** @enum {string} */
                    channel: "news" | "forum" | "social" | "review" | "appstore" | "form" | "app" | "email" | "hotline" | "other";
                    title?: string;
                    text: string;
                    /** Format: date-time */
                    publishedAt: string;
                    url?: string;
                    sentiment?: string;
                };
                rule: string;
            }[];
            warnings: {
                field: string;
                message: string;
                position?: number;
            }[];
        };
        WatchDocDto_Output: {
            id: string;
            name: string;
            /** @default  */
            description: string;
            /** @default false */
            competitor: boolean;
            /** @default true */
            enabled: boolean;
            /** @default [] */
            brands: {
                name: string;
                /** @default [] */
                aliases: string[];
                /** @default [] */
                handles: string[];
                /** @default [] */
                hashtags: string[];
                /** @default [] */
                appIds: string[];
            }[];
            /** @default [] */
            products: {
                name: string;
                /** @default [] */
                aliases: string[];
            }[];
            /** @default [] */
            rules: string[];
            /** @default [] */
            exclusions: string[];
            /** @default [] */
            languages: ("zh" | "en" | "mixed" | "other")[];
            /** @default [] */
            sources: string[];
            /** @default false */
            sourcesOnly: boolean;
            /** @default [] */
            owners: string[];
            /** @default default */
            plan: string;
            taxonomy?: {
                /** @default custom */
                preset: string;
                /** @default [] */
                categories: {
                    id: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                    /** @default [] */
                    keywords: string[];
                    /** @default [] */
                    examples: string[];
                }[];
            };
            version: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            /** Format: date-time */
            deletedAt?: string;
            deletedBy?: string;
        };
        WatchHistoryDto_Output: {
            history: {
                /** @enum {string} */
                kind: "watch" | "source" | "knowledge";
                targetId: string;
                version: number;
                /** @enum {string} */
                action: "create" | "update" | "delete" | "restore" | "seed";
                actor: string;
                /** Format: date-time */
                at: string;
                changes: string[];
                note?: string;
                snapshot: {
                    [key: string]: unknown;
                };
            }[];
        };
        WatchSavedDto_Output: {
            watch: {
                id: string;
                name: string;
                /** @default  */
                description: string;
                /** @default false */
                competitor: boolean;
                /** @default true */
                enabled: boolean;
                /** @default [] */
                brands: {
                    name: string;
                    /** @default [] */
                    aliases: string[];
                    /** @default [] */
                    handles: string[];
                    /** @default [] */
                    hashtags: string[];
                    /** @default [] */
                    appIds: string[];
                }[];
                /** @default [] */
                products: {
                    name: string;
                    /** @default [] */
                    aliases: string[];
                }[];
                /** @default [] */
                rules: string[];
                /** @default [] */
                exclusions: string[];
                /** @default [] */
                languages: ("zh" | "en" | "mixed" | "other")[];
                /** @default [] */
                sources: string[];
                /** @default false */
                sourcesOnly: boolean;
                /** @default [] */
                owners: string[];
                /** @default default */
                plan: string;
                taxonomy?: {
                    /** @default custom */
                    preset: string;
                    /** @default [] */
                    categories: {
                        id: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        /** @default [] */
                        keywords: string[];
                        /** @default [] */
                        examples: string[];
                    }[];
                };
                version: number;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
                /** Format: date-time */
                deletedAt?: string;
                deletedBy?: string;
            };
            warnings: {
                field: string;
                message: string;
                position?: number;
            }[];
        };
        BaselinesAnswerDto_Output: {
            watches: {
                watchId: string;
                /** @enum {string} */
                state: "warming_up" | "coverage_gap" | "ready";
                learning: boolean;
                hoursSeen: number;
                hoursNeeded: number | null;
                since: string;
                at: string;
                reason: string;
                expectedPerHour: number;
                categories: number;
                categoriesNotReady: number;
            }[];
        };
        KnowledgeListDto_Output: {
            entries: {
                entry: {
                    id: string;
                    /** @enum {string} */
                    kind: "remedy" | "reply";
                    category: string;
                    levels: ("general" | "important" | "urgent" | "major")[];
                    /** @enum {string} */
                    authority: "frontline" | "lead";
                    remedy?: {
                        /** @enum {string} */
                        kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                        amount?: number;
                        /** @default CNY */
                        currency: string;
                    };
                    title: {
                        zh: string;
                        en: string;
                    };
                    text: {
                        zh: string;
                        en: string;
                    };
                    /** @default [] */
                    keywords: string[];
                    version: number;
                    /** Format: date-time */
                    createdAt: string;
                    createdBy: string;
                    /** Format: date-time */
                    updatedAt: string;
                    updatedBy: string;
                    /** Format: date-time */
                    deletedAt?: string;
                    deletedBy?: string;
                };
                usage: number;
            }[];
        };
        SuggestionsDto_Output: {
            ticketId: string;
            categories: string[];
            /** @enum {string} */
            level: "general" | "important" | "urgent" | "major";
            suggestions: {
                entry: {
                    id: string;
                    /** @enum {string} */
                    kind: "remedy" | "reply";
                    category: string;
                    levels: ("general" | "important" | "urgent" | "major")[];
                    /** @enum {string} */
                    authority: "frontline" | "lead";
                    remedy?: {
                        /** @enum {string} */
                        kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                        amount?: number;
                        /** @default CNY */
                        currency: string;
                    };
                    title: {
                        zh: string;
                        en: string;
                    };
                    text: {
                        zh: string;
                        en: string;
                    };
                    /** @default [] */
                    keywords: string[];
                    version: number;
                    /** Format: date-time */
                    createdAt: string;
                    createdBy: string;
                    /** Format: date-time */
                    updatedAt: string;
                    updatedBy: string;
                    /** Format: date-time */
                    deletedAt?: string;
                    deletedBy?: string;
                };
                usage: number;
                filled: {
                    title: string;
                    text: string;
                    missing: string[];
                };
                needsApproval: boolean;
            }[];
        };
        KnowledgeEntryDto_Output: {
            id: string;
            /** @enum {string} */
            kind: "remedy" | "reply";
            category: string;
            levels: ("general" | "important" | "urgent" | "major")[];
            /** @enum {string} */
            authority: "frontline" | "lead";
            remedy?: {
                /** @enum {string} */
                kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                amount?: number;
                /** @default CNY */
                currency: string;
            };
            title: {
                zh: string;
                en: string;
            };
            text: {
                zh: string;
                en: string;
            };
            /** @default [] */
            keywords: string[];
            version: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            updatedAt: string;
            updatedBy: string;
            /** Format: date-time */
            deletedAt?: string;
            deletedBy?: string;
        };
        KnowledgeHistoryDto_Output: {
            history: {
                /** @enum {string} */
                kind: "watch" | "source" | "knowledge";
                targetId: string;
                version: number;
                /** @enum {string} */
                action: "create" | "update" | "delete" | "restore" | "seed";
                actor: string;
                /** Format: date-time */
                at: string;
                changes: string[];
                note?: string;
                snapshot: {
                    [key: string]: unknown;
                };
            }[];
        };
        KnowledgeEntryInputDto: {
            id: string;
            /** @enum {string} */
            kind: "remedy" | "reply";
            category: string;
            levels: ("general" | "important" | "urgent" | "major")[];
            /** @enum {string} */
            authority: "frontline" | "lead";
            remedy?: {
                /** @enum {string} */
                kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                amount?: number;
                /** @default CNY */
                currency: string;
            };
            title: {
                zh: string;
                en: string;
            };
            text: {
                zh: string;
                en: string;
            };
            /** @default [] */
            keywords: string[];
        };
        KnowledgeSavedDto_Output: {
            entry: {
                id: string;
                /** @enum {string} */
                kind: "remedy" | "reply";
                category: string;
                levels: ("general" | "important" | "urgent" | "major")[];
                /** @enum {string} */
                authority: "frontline" | "lead";
                remedy?: {
                    /** @enum {string} */
                    kind: "refund" | "exchange" | "reship" | "coupon" | "visit" | "apology" | "explanation" | "compensation" | "other";
                    amount?: number;
                    /** @default CNY */
                    currency: string;
                };
                title: {
                    zh: string;
                    en: string;
                };
                text: {
                    zh: string;
                    en: string;
                };
                /** @default [] */
                keywords: string[];
                version: number;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                /** Format: date-time */
                updatedAt: string;
                updatedBy: string;
                /** Format: date-time */
                deletedAt?: string;
                deletedBy?: string;
            };
        };
        HealthAnswerDto_Output: {
            /** @enum {string} */
            status: "ok" | "degraded";
            checks: {
                name: string;
                healthy: boolean;
                detail?: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedOutDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrincipalDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDto_Output"][];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedUserDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedUserDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyViewDto_Output"][];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedApiKeyDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description comma-separated: sign_in, sign_in_failed, sign_in_throttled, sign_out, session_reuse, user_created, user_disabled, user_enabled, user_role_changed, user_deleted, api_key_created, api_key_revoked */
                kind?: string | string[];
                actor?: string;
                target?: string;
                from?: string;
                to?: string;
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MentionsController_search: {
        parameters: {
            query?: {
                /** @description words or a phrase, Chinese or English (no query syntax) */
                q?: string;
                /** @description ISO date or date-time, inclusive */
                from?: string;
                /** @description ISO date or date-time, inclusive */
                to?: string;
                /** @description zh, en, mixed, other (comma-separated) */
                language?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                sourceId?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                channel?: string | string[];
                /** @description negative, neutral, positive (comma-separated) */
                sentiment?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                category?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                place?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                riskCue?: string | string[];
                /** @description watch ids (comma-separated; deleted watches too); _none: mentions of no watch */
                watch?: string | string[];
                /** @description 1-based */
                page?: number;
                size?: number;
                sort?: "newest" | "oldest" | "relevance";
                /** @description time zone of the per-day / per-hour buckets */
                tz?: string;
                /** @description bucket of the sentiment timeline */
                interval?: "hour" | "day";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentionSearchResultDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MentionsController_byIds: {
        parameters: {
            query: {
                /** @description comma-separated mention ids (32 hex characters), at most 50 */
                ids: string | string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentionsByIdsDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MentionsController_export: {
        parameters: {
            query?: {
                /** @description words or a phrase, Chinese or English (no query syntax) */
                q?: string;
                /** @description ISO date or date-time, inclusive */
                from?: string;
                /** @description ISO date or date-time, inclusive */
                to?: string;
                /** @description zh, en, mixed, other (comma-separated) */
                language?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                sourceId?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                channel?: string | string[];
                /** @description negative, neutral, positive (comma-separated) */
                sentiment?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                category?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                place?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                riskCue?: string | string[];
                /** @description watch ids (comma-separated; deleted watches too); _none: mentions of no watch */
                watch?: string | string[];
                /** @description rows at most (capped by the server) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description UTF-8 with a BOM, one row per mention */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CorrectionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description mention id (32 hex characters) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectionListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CorrectionsController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description mention id (32 hex characters) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectionRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectionAcceptedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalysisModelsController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelStatusDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalysisModelsController_page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelPageDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_list: {
        parameters: {
            query?: {
                /** @description comma-separated, or the parameter repeated */
                state?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                level?: string | string[];
                /** @description watch ids (analytics.watchIds), comma-separated or repeated; a ticket of any of them */
                watch?: string | string[];
                /** @description crisis: the detector's tickets and single posts with a crisis trigger; service: one complaint opened for service reasons only; absent: both */
                kind?: "crisis" | "service";
                /** @description 1–500, default 150 */
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_act: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketActionBodyDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionAcceptedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FollowUpsController_list: {
        parameters: {
            query?: {
                /** @description mine: follow-ups assigned to the signed-in user */
                scope?: "mine" | "all";
                /** @description 1–500, default 200 */
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_list: {
        parameters: {
            query?: {
                /** @description active, closed, merged, evicted (comma-separated) */
                status?: string;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClustersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterDetailDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlanController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanAnswerDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PlanController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanEditBodyDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanEditAnswerDto_Output"];
                };
            };
            /** @description the plan is invalid; nothing was sent */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanInvalidDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the plan changed since the edit began */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanChangedDto_Output"];
                };
            };
        };
    };
    PlanController_list: {
        parameters: {
            query?: {
                /** @description 1–200, default 50 */
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanVersionListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_list: {
        parameters: {
            query?: {
                /** @description true: deleted sources too */
                includeDeleted?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceFormDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_gaps: {
        parameters: {
            query: {
                /** @description e.g. 2026-11-23T08:00:00Z */
                from: string;
                /** @description e.g. 2026-11-23T20:00:00Z */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GapListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceFormDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceFormCheckDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceFormDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceTestResultDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_historyOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceHistoryDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_update: {
        parameters: {
            query?: {
                /** @description the version you edited: a later change by someone else is a 409 */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceFormDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_remove: {
        parameters: {
            query?: {
                /** @description the version you edited: a later change by someone else is a 409 */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_pause: {
        parameters: {
            query?: {
                /** @description the version you edited: a later change by someone else is a 409 */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigNoteBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_resume: {
        parameters: {
            query?: {
                /** @description the version you edited: a later change by someone else is a 409 */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigNoteBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SourcesController_restore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigNoteBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    VolumeController_get: {
        parameters: {
            query?: {
                /** @description window length, 1–24 (default 1) */
                hours?: number;
                /** @description past days to compare with, 1–28 (default 7) */
                days?: number;
                /** @description only these watches (comma-separated ids; _none: mentions of no watch) */
                watch?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeAnswerDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplaintsController_contact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactAnswerDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplaintsController_contactViews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactViewDto_Output"][];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_json: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the token of the link the intake endpoint answered (progressPath) */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressViewDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalyticsController_kpis: {
        parameters: {
            query?: {
                /** @description start, inclusive (ISO date-time); default 7 days ago */
                from?: string;
                /** @description end, exclusive (ISO date-time); default now */
                to?: string;
                /** @description time zone of the trend’s days, weeks and months */
                tz?: string;
                /** @description comma-separated, or the parameter repeated */
                watch?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                team?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                level?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                category?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                channel?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                rootCause?: string | string[];
                groupBy?: "level" | "team" | "category" | "channel" | "watch" | "rootCause";
                /** @description trend buckets; by default days up to 2 months, then weeks, then months */
                interval?: "day" | "week" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketKpiReportDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalyticsController_behind: {
        parameters: {
            query: {
                /** @description start, inclusive (ISO date-time); default 7 days ago */
                from?: string;
                /** @description end, exclusive (ISO date-time); default now */
                to?: string;
                /** @description time zone of the trend’s days, weeks and months */
                tz?: string;
                /** @description comma-separated, or the parameter repeated */
                watch?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                team?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                level?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                category?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                channel?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                rootCause?: string | string[];
                kpi: "volume" | "acknowledge" | "firstResponse" | "handling" | "sla" | "fcr" | "csat" | "repeat" | "reopen" | "escalations" | "backlog" | "rootCause" | "precision";
                slice?: "all" | "yes" | "no" | "met" | "breached" | "pending";
                target?: "acknowledge" | "firstResponse" | "resolve";
                bucket?: "lt1h" | "h1to4" | "h4to24" | "d1to3" | "d3to7" | "gt7d";
                dimension?: "level" | "team" | "category" | "channel" | "watch" | "rootCause";
                value?: string;
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketsBehindDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalyticsController_dimensions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DimensionValuesDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalyticsController_overview: {
        parameters: {
            query?: {
                /** @description start, inclusive (ISO date-time); default 7 days ago */
                from?: string;
                /** @description end, exclusive (ISO date-time); default now */
                to?: string;
                /** @description comma-separated, or the parameter repeated */
                watch?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                category?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                channel?: string | string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentionOverviewDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExportsController_xlsx: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["XlsxExportBodyDto"];
            };
        };
        responses: {
            /** @description the workbook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SavedSearchesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearchDto_Output"][];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SavedSearchesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveSearchBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearchDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SavedSearchesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearchDeletedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IncidentsController_cluster: {
        parameters: {
            query?: {
                /** @description language of the summary (the posts’ own when none are in it) */
                lang?: "zh" | "en";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentViewDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IncidentsController_ticket: {
        parameters: {
            query?: {
                /** @description language of the summary (the posts’ own when none are in it) */
                lang?: "zh" | "en";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentViewDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_list: {
        parameters: {
            query?: {
                /** @description comma-separated, or the parameter repeated */
                kind?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                watch?: string | string[];
                /** @description comma-separated, or the parameter repeated */
                status?: string | string[];
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_meta: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportMetaDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_html: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_list: {
        parameters: {
            query?: {
                /** @description true: deleted watches too (mentions keep their ids) */
                includeDeleted?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WatchConfigDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_presets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxonomyPresetsDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_checkRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckRuleBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleCheckDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WatchConfigDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchValidationDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewWatchBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchPreviewDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchDocDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_update: {
        parameters: {
            query?: {
                /** @description the version you edited: a later change by someone else is a 409 */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WatchConfigDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_remove: {
        parameters: {
            query?: {
                /** @description the version you edited: a later change by someone else is a 409 */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_historyOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchHistoryDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WatchesController_restore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigNoteBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BaselinesController_list: {
        parameters: {
            query?: {
                /** @description only these watches (comma-separated ids) */
                watch?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaselinesAnswerDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    KnowledgeController_list: {
        parameters: {
            query?: {
                /** @description keywords, matched in the title, text and keywords (in `lang` when given) */
                q?: string;
                /** @description a category id: its own entries and those for any category */
                category?: string;
                level?: "general" | "important" | "urgent" | "major";
                kind?: "remedy" | "reply";
                lang?: "zh" | "en";
                /** @description true: retired entries too */
                includeRetired?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeListDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    KnowledgeController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KnowledgeEntryInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    KnowledgeController_suggest: {
        parameters: {
            query: {
                /** @description the ticket whose category, level and record fill the entries */
                ticket: string;
                lang?: "zh" | "en";
                kind?: "remedy" | "reply";
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuggestionsDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    KnowledgeController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeEntryDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    KnowledgeController_update: {
        parameters: {
            query?: {
                /** @description the version you edited: a later change by someone else is a 409 */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KnowledgeEntryInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    KnowledgeController_retire: {
        parameters: {
            query?: {
                /** @description the version you edited: a later change by someone else is a 409 */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeSavedDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    KnowledgeController_historyOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeHistoryDto_Output"];
                };
            };
            /** @description no or bad credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description role too low */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every dependency answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthAnswerDto_Output"];
                };
            };
            /** @description one or more do not */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthAnswerDto_Output"];
                };
            };
        };
    };
}
