// The live log of a service: its kept output, then every line as the daemon stores it (follow). The search, stream,
// instance and time range are asked of the daemon (its log store searches every chunk on every core); the container
// filter narrows what was received, at once. The view is virtualised (LogView), so 100,000 lines stay responsive.
import { readLines, seg, query } from '../api.js';
import { h, fill } from '../dom.js';
import { LogView } from '../logview.js';

export function logsTab(panel, name) {
  const view = new LogView();
  const search = h('input', { type: 'search', name: 'grep', placeholder: 'search (Enter)', 'aria-label': 'search the logs' });
  const stream = select('stream', [['', 'stdout and stderr'], ['stdout', 'stdout'], ['stderr', 'stderr']]);
  const instance = h('input', { type: 'text', name: 'instance', placeholder: 'every instance', size: 12, 'aria-label': 'instance' });
  const container = select('container', [['', 'every container']]);
  const since = h('input', { type: 'text', name: 'since', placeholder: 'since (1h, or a time)', size: 16, 'aria-label': 'since' });
  const until = h('input', { type: 'text', name: 'until', placeholder: 'until (a time)', size: 16, 'aria-label': 'until' });
  const tail = select('tail', [['1000', 'last 1,000'], ['10000', 'last 10,000'], ['100000', 'last 100,000']]);
  const follow = h('input', { type: 'checkbox', name: 'follow', checked: true });
  const state = h('span', { class: 'log-state muted' });
  const containers = new Set();

  fill(panel,
    h('form', { class: 'log-controls', onsubmit: (event) => { event.preventDefault(); restart(); } },
      search, stream, instance, container, since, until, tail,
      h('label', null, follow, ' follow'),
      h('button', { type: 'submit' }, 'Apply'),
      view.count, state),
    view.element);

  for (const input of [stream, tail]) input.addEventListener('change', restart);
  search.addEventListener('search', restart);
  container.addEventListener('change', () => {
    const chosen = container.value;
    view.setFilter(chosen ? (line) => line.container === chosen : () => true);
  });
  view.onFollowChange = (following) => {
    // Scrolling away from the bottom pauses the view's following; the stream goes on.
    follow.checked = following;
  };
  follow.addEventListener('change', () => view.setFollow(follow.checked));

  let controller = null;

  function restart() {
    if (controller) controller.abort();
    controller = new AbortController();
    view.clear();
    view.setFollow(follow.checked);
    const parameters = {
      instance: instance.value.trim(),
      stream: stream.value,
      grep: search.value,
      since: since.value.trim(),
      until: until.value.trim(),
      tail: since.value.trim() ? '' : tail.value,
      follow: until.value.trim() ? '' : 'true',
    };
    fill(state, parameters.follow ? 'following…' : 'reading…');
    const signal = controller.signal;
    readLines(`services/${seg(name)}/logs${query(parameters)}`, {
      signal,
      onBatch(lines) {
        for (const line of lines) {
          if (!containers.has(line.container)) {
            containers.add(line.container);
            container.append(h('option', { value: line.container }, line.container));
          }
        }
        view.add(lines);
      },
    })
      .then(() => {
        if (!signal.aborted) fill(state, parameters.follow ? 'the stream ended (reload to follow again)' : 'done');
      })
      .catch((error) => {
        if (!signal.aborted) fill(state, h('span', { class: 'error' }, error.message));
      });
  }

  restart();
  return () => {
    if (controller) controller.abort();
    view.destroy();
  };
}

function select(name, options) {
  return h('select', { name, 'aria-label': name }, options.map(([value, label]) => h('option', { value }, label)));
}
