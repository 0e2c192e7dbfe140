// The overview: every service, its instances and their containers at a glance, with the open alerts and the jobs.
// Read whole from /api/v1/overview (built from the daemon's memory); the state feed patches a container's phase and
// health at once and asks for a fresh read (at most one a second), and the figures are read again after each sample.
import { getJson } from '../api.js';
import { h, fill } from '../dom.js';
import { onFeed } from '../feed.js';
import { sparkline } from '../charts.js';
import { bytes, number, percent, time, ago } from '../format.js';

export function render(main) {
  const summary = h('p', { class: 'summary' });
  const table = h('table', { class: 'overview', 'aria-label': 'services' });
  const alertList = h('section', { class: 'open-alerts' });
  const jobList = h('section', { class: 'job-summary' });
  fill(main, h('h1', null, 'Services'), summary, alertList, table, jobList);

  let timer = null;
  let stopped = false;
  let sequence = 0;
  let figuresTimer = null;
  let interval = 10; // seconds between samples, until the first answer says

  async function refresh() {
    timer = null;
    try {
      const overview = await getJson('overview');
      if (stopped) return;
      sequence = overview.sequence;
      draw(overview);
      interval = overview.sampleIntervalSeconds;
      readAgainIn(overview.nextSampleInSeconds ?? interval);
    } catch (error) {
      fill(summary, h('span', { class: 'error' }, `cannot read the overview: ${error.message}`));
      if (!stopped) readAgainIn(interval); // a failed read is tried again, as the figures would be
    }
  }

  // The figures again just after the next sample (a second's margin for it to be written): every open page asks at
  // the same moment, and the daemon answers them all with one read.
  function readAgainIn(seconds) {
    clearTimeout(figuresTimer);
    figuresTimer = setTimeout(() => schedule(0), (seconds + 1) * 1000);
  }

  function schedule(delay = 1000) {
    if (!timer) timer = setTimeout(refresh, delay);
  }

  function draw(overview) {
    const containers = overview.services.flatMap((s) => s.instances.flatMap((i) => i.containers));
    const running = containers.filter((c) => c.phase === 'running').length;
    fill(summary,
      `revision ${overview.revision} · ${overview.services.length} service(s) · ${running} of ${containers.length} container(s) running · `,
      h('a', { href: '#/alerts' }, `${overview.openAlerts.length} open alert(s)`),
      overview.engineConnected ? '' : h('strong', { class: 'error' }, ' · the Docker engine is not reachable'));
    drawAlerts(overview.openAlerts);
    drawServices(overview);
    drawJobs(overview.jobs);
    if (!document.body.dataset.painted) {
      document.body.dataset.painted = 'true';
      performance.mark('sky-overview-painted');
    }
  }

  function drawAlerts(alerts) {
    if (alerts.length === 0) {
      fill(alertList);
      return;
    }
    fill(alertList, h('h2', null, 'Open alerts'), h('ul', null, alerts.map((alert) =>
      h('li', { class: `alert ${alert.priority}` },
        h('a', { href: `#/service/${encodeURIComponent(alert.service)}` }, `${alert.service}/${alert.instance}`),
        ` ${alert.kind} (${alert.priority}, ${alert.state}, ${ago(alert.openedAt)}): `, alert.message))));
  }

  function drawServices(overview) {
    const alertsBy = new Map();
    for (const alert of overview.openAlerts) alertsBy.set(alert.service, (alertsBy.get(alert.service) ?? 0) + 1);
    const head = h('thead', null, h('tr', null,
      ['service', 'instance', 'state', 'address', 'container', 'id', 'health', 'restarts', 'rev', 'req/s', 'errors', 'p99', 'CPU', 'memory', 'alerts']
        .map((title) => h('th', { scope: 'col' }, title))));
    const bodies = overview.services.map((service) => {
      const rows = [];
      service.instances.forEach((instance, instanceIndex) => {
        instance.containers.forEach((container, containerIndex) => {
          const first = instanceIndex === 0 && containerIndex === 0;
          const figures = container.figures ?? {};
          rows.push(h('tr', { dataset: { container: container.name, service: service.name, instance: instance.summary.name } },
            h('td', { class: 'name' }, first ? h('a', { href: `#/service/${encodeURIComponent(service.name)}` }, service.name) : ''),
            h('td', null, containerIndex === 0 ? instance.summary.name : ''),
            h('td', { class: `state ${stateClass(instance.summary.state)}` }, containerIndex === 0 ? instance.summary.state : ''),
            h('td', { class: 'address' }, containerIndex === 0 ? (instance.addresses ?? []).map((address) => h('a', { href: address, target: '_blank', rel: 'noopener noreferrer' }, address)) : ''),
            h('td', { class: 'container-cell' },
              h('span', { class: 'container' }, container.name),
              h('small', { class: 'image' }, `${container.role === 'main' ? '' : `${container.role} · `}${container.image ?? '–'}`)),
            h('td', { class: 'id mono' }, container.id ?? '–'),
            h('td', { class: `health ${stateClass(container.health ?? container.phase)}`, dataset: { phase: container.phase } }, healthText(container)),
            h('td', { class: 'num restarts' }, String(container.restarts)),
            h('td', { class: 'num' }, container.revision ?? '–'),
            h('td', { class: 'num' }, number(figures.requestsPerSecond)),
            h('td', { class: 'num' }, percent(figures.errorsPercent)),
            h('td', { class: 'num' }, figures.latencyP99Ms === undefined ? '–' : `${number(figures.latencyP99Ms)} ms`),
            h('td', { class: 'num spark' }, percent(figures.cpuPercent), sparkline(container.cpuHistory, { label: `CPU of ${container.name}` })),
            h('td', { class: 'num spark' }, bytes(figures.memoryBytes), sparkline(container.memoryHistory, { label: `memory of ${container.name}` })),
            h('td', { class: 'num' }, first && alertsBy.get(service.name) ? h('a', { href: '#/alerts', class: 'error' }, String(alertsBy.get(service.name))) : '')));
        });
      });
      return h('tbody', { dataset: { service: service.name } }, rows);
    });
    fill(table, head, bodies.length > 0 ? bodies : h('tbody', null, h('tr', null, h('td', { colspan: 15, class: 'muted' }, 'No service yet: sky apply a configuration.'))));
  }

  function drawJobs(jobs) {
    if (jobs.length === 0) {
      fill(jobList);
      return;
    }
    fill(jobList, h('h2', null, h('a', { href: '#/jobs' }, 'Jobs')), h('ul', null, jobs.map((job) =>
      h('li', null, h('strong', null, job.name), ` ${job.every} · next ${time(job.nextRunAt)} · last run ${job.lastRun ?? '–'} ${job.lastRunState ?? ''}`))));
  }

  // A change already in what was read needs nothing; one after it patches the row now and reads again soon.
  const unsubscribe = onFeed((change) => {
    if (change.type === 'snapshot') {
      schedule(0);
      return;
    }
    if (change.sequence <= sequence) return;
    if (change.container) patch(change);
    if (['container', 'health', 'desired-state', 'alert', 'job-run', 'engine', 'containers-listed'].includes(change.type)) schedule();
  });

  function patch(change) {
    const row = table.querySelector(`tr[data-container="${CSS.escape(change.container)}"]`);
    const cell = row?.querySelector('td.health');
    if (!cell) return;
    if (change.type === 'container') cell.dataset.phase = change.phase;
    const text = change.type === 'health' ? (change.health ?? cell.dataset.phase) : change.phase;
    cell.className = `health ${stateClass(text)}`;
    cell.textContent = text;
  }

  refresh();
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    clearTimeout(figuresTimer);
  };
}

export function healthText(container) {
  if (container.phase !== 'running') return container.health ?? container.phase;
  return container.health ?? 'running (no check)';
}

export function stateClass(state) {
  if (!state) return '';
  if (['healthy', 'running', 'running (no check)'].includes(state)) return 'good';
  if (['starting', 'created', 'partly running', 'probing', 'ramping'].includes(state)) return 'warn';
  if (['stopped', 'missing'].includes(state)) return 'idle';
  return 'bad';
}
