// The page's only way to the daemon: the same /api/v1 every client uses. Errors carry the daemon's own sentence
// ({"error": "..."}), so a failed action can say why.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function failure(response) {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = await response.json();
    if (body && body.error) message = body.error;
  } catch {
    // Not JSON: the status says it.
  }
  if (response.status === 401) location.assign('/login');
  return new ApiError(response.status, message);
}

export async function getJson(path, options = {}) {
  const response = await fetch(`/api/v1/${path}`, { headers: { Accept: 'application/json' }, signal: options.signal });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function postJson(path) {
  const response = await fetch(`/api/v1/${path}`, { method: 'POST', headers: { Accept: 'application/json' } });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/**
 * Reads an NDJSON answer as it arrives and calls onItem for each object: the daemon's log streams and the
 * progress of operations. Resolves when the answer ends or the signal aborts.
 */
export async function readLines(path, { method = 'GET', signal, onItem, onBatch }) {
  const response = await fetch(`/api/v1/${path}`, { method, signal, headers: { Accept: 'application/x-ndjson' } });
  if (!response.ok) throw await failure(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop();
      const items = [];
      for (const line of lines) {
        if (line.length > 0) items.push(JSON.parse(line));
      }
      if (onBatch) onBatch(items);
      if (onItem) items.forEach(onItem);
    }
    if (pending.trim().length > 0) {
      const last = JSON.parse(pending);
      if (onBatch) onBatch([last]);
      if (onItem) onItem(last);
    }
  } catch (error) {
    if (error.name !== 'AbortError') throw error;
  }
}

/** A path segment from a name: names are checked by the daemon, but never trusted to be URL-safe here. */
export const seg = encodeURIComponent;

export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
