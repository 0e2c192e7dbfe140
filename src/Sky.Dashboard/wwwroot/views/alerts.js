// Alerts: open and recent, who was told and whether it was delivered; acknowledging one stops its reminders.
import { getJson, postJson } from '../api.js';
import { h, fill } from '../dom.js';
import { onFeed } from '../feed.js';
import { runRequest } from '../actions.js';
import { time } from '../format.js';

export function render(main) {
  const table = h('table', { class: 'alerts', 'aria-label': 'alerts' });
  fill(main, h('h1', null, 'Alerts'), h('p', { class: 'muted' }, 'Open alerts first, then recent closed ones.'), table);
  let timer = null;
  let stopped = false;

  async function refresh() {
    timer = null;
    try {
      const alerts = await getJson('alerts?state=all&limit=200');
      if (stopped) return;
      fill(table,
        h('thead', null, h('tr', null, ['#', 'service', 'kind', 'priority', 'state', 'opened', 'closed', 'message', 'who was told', ''].map((t) => h('th', null, t)))),
        h('tbody', null, alerts.length === 0
          ? h('tr', null, h('td', { colspan: 10, class: 'muted' }, 'No alert.'))
          : alerts.map((alert) => h('tr', { dataset: { alert: alert.id, state: alert.state }, class: alert.state === 'closed' ? 'closed' : alert.priority },
            h('td', { class: 'num' }, String(alert.id)),
            h('td', null, h('a', { href: `#/service/${encodeURIComponent(alert.service)}` }, `${alert.service}/${alert.instance}`)),
            h('td', null, alert.kind),
            h('td', null, alert.priority),
            h('td', { class: 'alert-state' }, alert.state),
            h('td', null, time(alert.openedAt)),
            h('td', null, time(alert.closedAt)),
            h('td', null, alert.message),
            h('td', null, told(alert)),
            h('td', null, alert.state === 'open'
              ? h('button', { type: 'button', dataset: { action: 'ack' }, onclick: () => acknowledge(alert) }, 'acknowledge')
              : '')))));
    } catch (error) {
      fill(table, h('caption', { class: 'error' }, error.message));
    }
  }

  function told(alert) {
    if (alert.deliveries.length === 0) return 'on its way';
    return h('ul', { class: 'deliveries' }, alert.deliveries.map((d) =>
      h('li', { class: d.delivered ? 'good' : 'bad' }, `${d.channel} ${d.target}: `, d.delivered ? 'delivered' : `not delivered (${d.error ?? 'unknown'})`)));
  }

  async function acknowledge(alert) {
    await runRequest({ title: `acknowledge alert #${alert.id}`, request: () => postJson(`alerts/${alert.id}/ack`), describe: (a) => `alert #${a.id} ${a.state}` });
    refresh();
  }

  const unsubscribe = onFeed((change) => {
    if (change.type === 'alert' || change.type === 'snapshot') {
      if (!timer) timer = setTimeout(refresh, 300);
    }
  });
  refresh();
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
  };
}
