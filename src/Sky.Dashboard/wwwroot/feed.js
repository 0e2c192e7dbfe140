// One EventSource per page on /api/v1/events/stream: the daemon's state feed. Views subscribe to its changes instead
// of polling; a resync (a fresh snapshot after falling behind, or after a reconnect) tells them to read again.

const listeners = new Set();
let source = null;

export function startFeed() {
  if (source) return;
  source = new EventSource('/api/v1/events/stream');
  source.addEventListener('snapshot', (event) => {
    const snapshot = JSON.parse(event.data);
    if (performance.getEntriesByName('sky-live').length === 0) performance.mark('sky-live');
    document.body.dataset.live = 'true';
    document.getElementById('live')?.replaceChildren(document.createTextNode('live'));
    for (const listener of listeners) listener({ type: 'snapshot', snapshot });
  });
  source.addEventListener('change', (event) => {
    const change = JSON.parse(event.data);
    for (const listener of listeners) listener(change);
  });
  source.addEventListener('error', () => {
    // EventSource reconnects by itself; say so until the next snapshot arrives.
    document.body.dataset.live = 'false';
    document.getElementById('live')?.replaceChildren(document.createTextNode('reconnecting…'));
  });
}

/** Calls listener with every change (and { type: 'snapshot' } on each resync); returns the way to stop. */
export function onFeed(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
