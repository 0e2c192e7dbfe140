// The revisions that changed a service, newest first, each with its diff (a line per key) and how it went; any
// earlier one can be rolled back to, which the daemon does as a new revision.
import { getJson, seg, query } from '../api.js';
import { h, fill } from '../dom.js';
import { runOperation } from '../actions.js';
import { time } from '../format.js';

export function revisionsTab(panel, name, afterAction) {
  let stopped = false;

  async function refresh() {
    try {
      const history = await getJson(`services/${seg(name)}/history`);
      if (!stopped) draw(history);
    } catch (error) {
      fill(panel, h('p', { class: 'error' }, error.message));
    }
  }

  function draw(history) {
    fill(panel,
      h('p', null, `The applied revision is ${history.currentRevision}.`),
      h('ol', { class: 'revisions' }, history.revisions.map((entry) => h('li', { dataset: { revision: entry.revision } },
        h('p', null,
          h('strong', null, `revision ${entry.revision}`), ` · ${time(entry.createdAt)} · ${entry.kind} · ${entry.source} · `,
          h('span', { class: 'outcome' }, entry.change.outcome ?? 'recorded'), entry.change.outcomeMessage ? `: ${entry.change.outcomeMessage}` : '', ' ',
          entry.change.kind !== 'removed' ? h('button', {
            type: 'button',
            class: 'danger',
            dataset: { action: 'rollback', to: entry.revision },
            onclick: async () => {
              const result = await runOperation({
                title: `roll back ${name} to revision ${entry.revision}`,
                path: `services/${seg(name)}/rollback${query({ to: entry.revision })}`,
                confirm: { question: `Roll ${name} back to revision ${entry.revision}?`, detail: 'Its whole spec returns to that revision, as a new revision; containers whose configuration changes are replaced.' },
              });
              if (result) {
                refresh();
                afterAction();
              }
            },
          }, `roll back to ${entry.revision}`) : ''),
        h('p', { class: 'muted' }, entry.change.change),
        entry.change.details.length > 0 ? h('pre', { class: 'diff' }, entry.change.details.join('\n')) : ''))));
  }

  refresh();
  return () => {
    stopped = true;
  };
}
