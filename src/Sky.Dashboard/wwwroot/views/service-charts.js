// A service's charts from its kept metrics (/api/v1/metrics): CPU, memory, network, requests by status and latency,
// one line per container, and any other series it has (StatsD, polled expvar or Prometheus) that the user picks.
// Read again every sample interval while shown.
import { getJson, query } from '../api.js';
import { h, fill } from '../dom.js';
import { lineChart } from '../charts.js';
import { bytes, number } from '../format.js';

const standard = [
  { title: 'CPU (% of a core)', names: ['cpu.percent'], format: (v) => `${number(v)}%` },
  { title: 'Memory', names: ['memory.usage'], format: bytes },
  { title: 'Network (bytes/s)', names: ['network.rx.rate', 'network.tx.rate'], format: bytes },
  { title: 'Requests by status (/s)', names: ['requests.2xx.rate', 'requests.3xx.rate', 'requests.4xx.rate', 'requests.5xx.rate'], format: (v) => number(v) },
  { title: 'Latency (ms)', names: ['latency.p50', 'latency.p99'], format: (v) => number(v) },
];

export function chartsTab(panel, name) {
  const range = h('select', { name: 'range', 'aria-label': 'range' }, [['15m', 'last 15 minutes'], ['1h', 'last hour'], ['6h', 'last 6 hours'], ['24h', 'last day']]
    .map(([value, label]) => h('option', { value, selected: value === '1h' }, label)));
  const picker = h('select', { name: 'metric', 'aria-label': 'add a metric' }, h('option', { value: '' }, 'add a metric…'));
  const charts = h('div', { class: 'charts' });
  const picked = new Set();
  fill(panel, h('p', { class: 'chart-controls' }, range, ' ', picker), charts);

  let timer = null;
  let stopped = false;

  async function refresh() {
    try {
      const metrics = await getJson(`metrics${query({ service: name, since: range.value })}`);
      if (stopped) return;
      draw(metrics.series);
    } catch (error) {
      fill(charts, h('p', { class: 'error' }, error.message));
    }
  }

  function label(series, several) {
    const who = series.container ?? (series.instance ? `${series.service}/${series.instance}` : series.service ?? 'statsd');
    return several ? `${who} ${series.name}` : who;
  }

  function draw(series) {
    const known = new Set(standard.flatMap((chart) => chart.names));
    const others = [...new Set(series.map((s) => s.name))].filter((n) => !known.has(n)).sort();
    const current = picker.value;
    fill(picker, h('option', { value: '' }, 'add a metric…'), others.map((n) => h('option', { value: n }, n)));
    picker.value = current;
    const wanted = [...standard, ...[...picked].map((n) => ({ title: n, names: [n], format: (v) => number(v, 2) }))];
    fill(charts, wanted.map((chart) => {
      const lines = series.filter((s) => chart.names.includes(s.name))
        .map((s) => ({ name: label(s, chart.names.length > 1), times: s.times, values: s.values }));
      return lineChart(chart.title, lines, { format: chart.format });
    }));
  }

  range.addEventListener('change', refresh);
  picker.addEventListener('change', () => {
    if (picker.value) picked.add(picker.value);
    refresh();
  });
  refresh();
  timer = setInterval(refresh, 10000);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
