// The page's entry: a view per address after '#' (#/, #/service/NAME, #/jobs, #/alerts), the state feed started once
// and shared by every view. Each view is a module with render(main, argument) returning a function that stops it.
import { startFeed } from './feed.js';
import { h, fill } from './dom.js';
import * as overview from './views/overview.js';
import * as service from './views/service.js';
import * as jobs from './views/jobs.js';
import * as alerts from './views/alerts.js';

let stop = null;

function route() {
  const main = document.getElementById('view');
  if (stop) stop();
  stop = null;
  const [, name, ...rest] = (location.hash || '#/').slice(1).split('/');
  const argument = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  const views = { '': overview, service, jobs, alerts };
  const view = views[name ?? ''];
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('current', link.dataset.nav === (name || 'overview'));
  }
  if (!view) {
    fill(main, h('p', null, 'No such page. ', h('a', { href: '#/' }, 'Back to the overview')));
    return;
  }
  stop = view.render(main, argument) ?? null;
}

window.addEventListener('hashchange', route);
startFeed();
route();
