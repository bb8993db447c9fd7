export const en = {
  app: { title: 'Vigil', signOut: 'Sign out', language: '中文' },
  nav: { live: 'Live', board: 'Crisis board', clusters: 'Clusters', search: 'Search & analytics', sources: 'Sources' },
  status: { live: 'live', connecting: 'connecting…', offline: 'offline', resyncing: 'resyncing…' },
  login: { title: 'Sign in to Vigil', username: 'User name', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed: {msg}', hint: 'First start: the admin password is printed in the terminal once (or set VIGIL_ADMIN_PASSWORD).' },
  level: { general: 'General', important: 'Important', urgent: 'Urgent', major: 'Major' },
  state: { open: 'Open', acknowledged: 'Acknowledged', investigating: 'Investigating', responding: 'Responding', resolved: 'Resolved', closed: 'Closed', merged: 'Merged' },
  alertType: { new_ticket: 'New ticket', level_raised: 'Level raised', sla_warning: 'SLA warning', sla_breached: 'SLA breached', escalated: 'Escalated', cooling: 'Cooling', reopened: 'Reopened' },
  live: { alerts: 'Alerts', noAlerts: 'No alerts since this page connected. New ones appear here without reloading.', perMinute: 'Mentions / min', negativeShare: 'Negative share ({n} min)', openTickets: 'Open tickets', timeline: 'Sentiment, last hour (per minute)', noTimeline: 'No mentions have arrived since the api started.' },
  board: { title: 'Crisis board', empty: 'No tickets. The responder opens them when the plan says so.', acknowledge: 'Acknowledge', assignMe: 'Assign to me', sent: 'Sent; waiting for the responder…', filterState: 'State', filterLevel: 'Level', all: 'All', active: 'Active' },
  sla: { acknowledge: 'Ack', firstResponse: 'Response', resolve: 'Resolve', left: '{t} left', overdue: 'overdue {t}', met: 'met' },
  ticket: { back: '← Board', timeline: 'Timeline', evidence: 'Evidence', checklist: 'Playbook', holding: 'Holding statement', actions: 'Actions', comment: 'Comment', send: 'Send', transition: 'Move to', assign: 'Assign to', signals: '{n} signals, largest cluster {size}', mentions: 'Mentions', cluster: 'Cluster', noEvents: 'No events yet.', notFound: 'Ticket not found.', assignees: 'Assignees', nobody: 'nobody' },
  clusters: { title: 'Clusters', empty: 'No clusters yet: the detector has not written any (or is not running).', size: 'Posts', authors: 'Authors', growth: 'Growth', velocity: 'Per hour', lastSeen: 'Last seen', terms: 'Top terms', sentiment: 'Mean sentiment', back: '← Clusters', notFound: 'Cluster not found.' },
  search: { placeholder: 'Words or a phrase (Chinese or English)', run: 'Search', export: 'Export CSV', from: 'From', to: 'To', sentiment: 'Sentiment', channel: 'Channel', interval: 'Per', hour: 'hour', day: 'day', total: '{n} mentions', none: 'Nothing matches.', timeline: 'Sentiment over time', channels: 'Channels', categories: 'Categories', terms: 'Top terms', places: 'Top places', results: 'Posts', forbidden: 'Search needs the analyst role.' },
  sentiment: { negative: 'negative', neutral: 'neutral', positive: 'positive' },
  sources: { title: 'Sources', empty: 'No source state yet: the collector writes it after its first poll.', source: 'Source', status: 'Status', lastSuccess: 'Last success', lastError: 'Last error', errors: 'Errors', items: 'Items', ok: 'OK', failing: 'failing', unknown: 'unknown' },
  common: { loading: 'Loading…', error: 'Error: {msg}', never: '—' },
};
export type Messages = typeof en;
