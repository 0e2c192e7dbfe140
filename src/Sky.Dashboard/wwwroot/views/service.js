// A service's page: its instances and containers as the engine has them (with the actions that fix them), then tabs
// for its live logs, charts, the configuration as applied, its revisions with their diffs, and its events.
import { getJson, seg, query } from '../api.js';
import { h, fill } from '../dom.js';
import { onFeed } from '../feed.js';
import { runOperation } from '../actions.js';
import { time } from '../format.js';
import { stateClass } from './overview.js';
import { logsTab } from './service-logs.js';
import { chartsTab } from './service-charts.js';
import { revisionsTab } from './service-revisions.js';
import { eventsTab } from './service-events.js';

export function render(main, name) {
  const status = h('section', { class: 'status' });
  const tabs = h('nav', { class: 'tabs', role: 'tablist' });
  const panel = h('section', { class: 'tab-panel' });
  fill(main, h('h1', null, h('a', { href: '#/' }, 'Services'), ' / ', h('span', { class: 'service-name' }, name)), status, tabs, panel);

  let stopTab = null;
  let timer = null;
  let stopped = false;
  const sections = {
    logs: () => logsTab(panel, name),
    charts: () => chartsTab(panel, name),
    configuration: () => configurationTab(panel, name),
    revisions: () => revisionsTab(panel, name, refreshStatus),
    events: () => eventsTab(panel, name),
  };
  for (const tab of Object.keys(sections)) {
    tabs.append(h('button', { type: 'button', role: 'tab', dataset: { tab }, onclick: () => show(tab) }, tab[0].toUpperCase() + tab.slice(1)));
  }

  function show(tab) {
    if (stopTab) stopTab();
    for (const button of tabs.children) button.setAttribute('aria-selected', String(button.dataset.tab === tab));
    stopTab = sections[tab]() ?? null;
  }

  async function refreshStatus() {
    timer = null;
    try {
      const service = await getJson(`services/${seg(name)}`);
      if (!stopped) drawStatus(service);
    } catch (error) {
      fill(status, h('p', { class: 'error' }, error.message));
    }
  }

  function drawStatus(service) {
    const act = (verb, instance, destructive) => h('button', {
      type: 'button',
      class: destructive ? 'danger' : '',
      dataset: { action: verb, instance: instance ?? '' },
      onclick: async () => {
        const target = instance ? `${name}/${instance}` : name;
        await runOperation({
          title: `${verb} ${target}`,
          path: `services/${seg(name)}/${verb}${query({ instance })}`,
          confirm: destructive ? { question: `${verb[0].toUpperCase()}${verb.slice(1)} ${target}?`, detail: verb === 'stop' ? 'Its containers stop until someone starts it again.' : 'Its containers are replaced one after the other.' } : null,
        });
        scheduleStatus(0);
      },
    }, verb);
    fill(status,
      h('p', null, `maintainer: ${service.maintainer ?? '–'} · revision ${service.revision} `,
        h('span', { class: 'buttons' }, act('start'), act('restart', null, true), act('stop', null, true))),
      service.instances.map((instance) => h('article', { class: 'instance', dataset: { instance: instance.name } },
        h('h2', null, instance.name, ' ',
          h('small', { class: 'muted' }, instance.wantedRunning ? 'wanted running' : 'not wanted running'), ' ',
          (instance.addresses ?? []).map((address) => h('a', { href: address, target: '_blank', rel: 'noopener noreferrer' }, address)), ' ',
          h('span', { class: 'buttons' }, act('start', instance.name), act('restart', instance.name, true), act('stop', instance.name, true))),
        h('table', { class: 'containers' },
          h('thead', null, h('tr', null, ['container', 'role', 'id', 'state', 'health', 'last check', 'restarts', 'image', 'revision', 'ports', 'router', 'created'].map((t) => h('th', null, t)))),
          h('tbody', null, instance.containers.map((container) => h('tr', { dataset: { container: container.name } },
            h('td', null, container.name),
            h('td', null, container.role),
            h('td', { class: 'id mono' }, container.id ?? '–'),
            h('td', { class: `state ${stateClass(container.state)}` }, container.state),
            h('td', { class: `health ${stateClass(container.health)}` }, container.health ?? (container.checked ? '–' : 'no check')),
            h('td', null, container.lastCheck ?? ''),
            h('td', { class: 'num' }, String(container.restarts)),
            h('td', null, container.image ?? '–', container.upToDate === false ? ' (out of date)' : ''),
            h('td', { class: 'num' }, container.revision ?? '–'),
            h('td', null, Object.entries(container.ports ?? {}).map(([port, host]) => `${port}→127.0.0.1:${host}`).join(', ')),
            h('td', null, container.router ? `${container.router.state}, breaker ${container.router.breaker}` : ''),
            h('td', null, time(container.created)))))))));
  }

  function scheduleStatus(delay = 500) {
    if (!timer) timer = setTimeout(refreshStatus, delay);
  }

  const unsubscribe = onFeed((change) => {
    if (change.type === 'snapshot' || change.service === name || change.type === 'desired-state') scheduleStatus();
  });

  refreshStatus();
  show('logs');
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    if (stopTab) stopTab();
  };
}

function configurationTab(panel, name) {
  const controller = new AbortController();
  fill(panel, h('p', { class: 'muted' }, 'loading…'));
  getJson(`services/${seg(name)}/configuration`, { signal: controller.signal })
    .then((configuration) => fill(panel,
      h('p', null, `As revision ${configuration.revision} resolved it`, configuration.source ? `, defined at ${configuration.source}` : '', ': every instance and container with what it inherited.'),
      h('pre', { class: 'configuration' }, JSON.stringify(configuration.spec, null, 2))))
    .catch((error) => {
      if (error.name !== 'AbortError') fill(panel, h('p', { class: 'error' }, error.message));
    });
  return () => controller.abort();
}
