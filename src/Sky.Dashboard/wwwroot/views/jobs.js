// Recurrent jobs: schedule, next run, the last runs with exit codes and durations, each run's output, and run now.
import { getJson, postJson, seg } from '../api.js';
import { h, fill } from '../dom.js';
import { onFeed } from '../feed.js';
import { runRequest } from '../actions.js';
import { time, seconds } from '../format.js';

export function render(main) {
  const table = h('table', { class: 'jobs', 'aria-label': 'jobs' });
  const detail = h('section', { class: 'job-detail' });
  fill(main, h('h1', null, 'Jobs'), table, detail);
  let chosen = null;
  let timer = null;
  let stopped = false;

  async function refresh() {
    timer = null;
    try {
      const jobs = await getJson('jobs');
      if (stopped) return;
      fill(table,
        h('thead', null, h('tr', null, ['job', 'every', 'schedule', 'next run', 'running', 'last run', 'state', 'exit', 'at', ''].map((t) => h('th', null, t)))),
        h('tbody', null, jobs.length === 0
          ? h('tr', null, h('td', { colspan: 10, class: 'muted' }, 'No job: a configuration entry with every: is one.'))
          : jobs.map((job) => h('tr', { dataset: { job: job.name } },
            h('td', null, h('a', { href: '#/jobs', onclick: (event) => { event.preventDefault(); show(job.name); } }, job.name)),
            h('td', null, job.every),
            h('td', null, job.schedule),
            h('td', null, time(job.nextRunAt)),
            h('td', { class: 'num' }, String(job.running)),
            h('td', { class: 'num' }, job.lastRun ?? '–'),
            h('td', null, job.lastRunState ?? '–'),
            h('td', { class: 'num' }, job.lastExitCode ?? '–'),
            h('td', null, time(job.lastRunAt)),
            h('td', null, h('button', { type: 'button', dataset: { action: 'run-now' }, onclick: () => runNow(job.name) }, 'run now'))))));
      if (chosen) showRuns(chosen);
    } catch (error) {
      fill(table, h('caption', { class: 'error' }, error.message));
    }
  }

  async function runNow(job) {
    const answer = await runRequest({ title: `run ${job} now`, request: () => postJson(`jobs/${seg(job)}/start`), describe: (a) => `run ${a.run} started` });
    if (answer) show(job);
  }

  function show(job) {
    chosen = job;
    showRuns(job);
  }

  async function showRuns(job) {
    try {
      const runs = await getJson(`jobs/${seg(job)}/runs?limit=50`);
      if (stopped || chosen !== job) return;
      const output = h('pre', { class: 'run-output' });
      fill(detail, h('h2', null, `Runs of ${job}`),
        h('table', { class: 'runs' },
          h('thead', null, h('tr', null, ['run', 'trigger', 'started', 'ended', 'duration', 'exit code', 'state', 'why', ''].map((t) => h('th', null, t)))),
          h('tbody', null, runs.map((run) => h('tr', { dataset: { run: run.number, state: run.state } },
            h('td', { class: 'num' }, String(run.number)),
            h('td', null, run.trigger),
            h('td', null, time(run.startedAt ?? run.dispatchedAt)),
            h('td', null, time(run.endedAt)),
            h('td', { class: 'num' }, seconds(run.durationSeconds)),
            h('td', { class: 'num' }, run.exitCode ?? '–'),
            h('td', null, run.state),
            h('td', null, run.message ?? ''),
            h('td', null, h('button', { type: 'button', class: 'link', onclick: () => showOutput(job, run.number, output) }, 'output')))))),
        output);
    } catch (error) {
      fill(detail, h('p', { class: 'error' }, error.message));
    }
  }

  async function showOutput(job, number, output) {
    try {
      const run = await getJson(`jobs/${seg(job)}/runs/${number}/logs`);
      fill(output, run.output ?? '(no output)');
    } catch (error) {
      fill(output, error.message);
    }
  }

  const unsubscribe = onFeed((change) => {
    if (change.type === 'job-run' || change.type === 'desired-state' || change.type === 'snapshot') {
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
