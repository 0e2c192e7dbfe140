// Actions people take from the page (start, stop, restart, roll back, run a job, acknowledge an alert). Destructive
// ones ask first in a dialog; each gets a card in the action panel that shows its progress as the daemon streams it
// and ends with the outcome: done, or failed with the daemon's sentence.
import { h, fill } from './dom.js';
import { readLines } from './api.js';

/** Asks in the page's dialog; resolves true when confirmed. */
export function confirmAction(question, detail) {
  const dialog = document.getElementById('confirm');
  fill(dialog.querySelector('.question'), question);
  fill(dialog.querySelector('.detail'), detail ?? '');
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
  });
}

function card(title) {
  const status = h('span', { class: 'status' }, 'working…');
  const lines = h('ol', { class: 'progress' });
  const element = h('li', { class: 'action', dataset: { state: 'running', action: title } }, h('strong', null, title), ' ', status, lines);
  document.getElementById('actions').prepend(element);
  return {
    line(text) {
      lines.append(h('li', null, text));
    },
    finish(ok, text) {
      element.dataset.state = ok ? 'done' : 'failed';
      fill(status, text);
      // Successes leave by themselves; a failure stays until dismissed, so its reason is not missed.
      if (ok) setTimeout(() => element.remove(), 15000);
      else element.append(h('button', { type: 'button', class: 'link', onclick: () => element.remove() }, 'dismiss'));
    },
  };
}

/**
 * Runs an operation whose answer streams NDJSON (plan, progress, result or error). Returns the result message, or
 * null when it failed or was not confirmed.
 */
export async function runOperation({ title, path, confirm }) {
  if (confirm && !(await confirmAction(confirm.question, confirm.detail))) return null;
  const view = card(title);
  let result = null;
  let error = null;
  try {
    await readLines(path, {
      method: 'POST',
      onItem(message) {
        if (message.type === 'plan') view.line(`plan: ${message.steps.length} step(s)`);
        else if (message.type === 'progress') view.line(`${message.target}: ${message.status}${message.message ? ` (${message.message})` : ''}`);
        else if (message.type === 'warning' || message.type === 'change' || message.type === 'rollout') view.line(message.message);
        else if (message.type === 'result') result = message;
        else if (message.type === 'error') error = [message.error, ...(message.details ?? [])].join('; ');
      },
    });
  } catch (failure) {
    error = failure.message;
  }
  if (error || !result || result.ok === false) {
    view.finish(false, `failed: ${error ?? (result?.details ?? []).join('; ') ?? 'a step failed'}`);
    return null;
  }
  view.finish(true, result.revision ? `done (revision ${result.revision})` : 'done');
  return result;
}

/** Runs a one-shot request (a job run, an acknowledgement) with the same card. */
export async function runRequest({ title, request, describe }) {
  const view = card(title);
  try {
    const answer = await request();
    view.finish(true, describe ? describe(answer) : 'done');
    return answer;
  } catch (failure) {
    view.finish(false, `failed: ${failure.message}`);
    return null;
  }
}
