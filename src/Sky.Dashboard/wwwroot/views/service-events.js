// What sky did and saw for a service: the kept event log, and the state feed's changes for it as they come.
import { getJson, query } from '../api.js';
import { h, fill } from '../dom.js';
import { onFeed } from '../feed.js';
import { time } from '../format.js';

export function eventsTab(panel, name) {
  const list = h('ol', { class: 'events', reversed: true });
  fill(panel, list);

  const item = (when, kind, message) => h('li', null, h('time', null, time(when)), ' ', h('span', { class: 'kind' }, kind), ' ', message);

  getJson(`events${query({ service: name, limit: 200 })}`)
    .then((events) => list.append(...events.map((e) => item(e.time, e.kind, e.message))))
    .catch((error) => list.append(h('li', { class: 'error' }, error.message)));

  const unsubscribe = onFeed((change) => {
    // The log's activities come with the feed too: showing each live change covers them.
    if (change.service === name && change.message) list.prepend(item(change.time, change.kind ?? change.type, change.message));
  });
  return unsubscribe;
}
