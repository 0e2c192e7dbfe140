// Small SVG charts drawn here, no library: a sparkline for a table cell and a line chart with a time axis, a value
// axis, several series and a legend. Labels are text nodes, so a metric or container name is shown as written.
import { svg, h } from './dom.js';

const palette = ['#2f6fde', '#d9480f', '#2b8a3e', '#ae3ec9', '#e8590c', '#0b7285', '#c2255c', '#5c940d'];

/** A line of the recent values, scaled to its own range; empty when there is nothing to draw. */
export function sparkline(values, { width = 80, height = 18, label = '' } = {}) {
  const box = svg('svg', { class: 'sparkline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  if (!values || values.length < 2) return box;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const points = values.map((value, index) => {
    const x = (index / (values.length - 1)) * (width - 2) + 1;
    const y = height - 1 - ((value - low) / span) * (height - 2);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  box.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: 'currentColor', 'stroke-width': 1.2 }));
  return box;
}

/**
 * A line chart of series [{ name, times: [unix seconds], values: [...] }] with a format for the value axis.
 * Returns a figure with the chart and its legend.
 */
export function lineChart(title, series, { format = (v) => String(v), width = 520, height = 170 } = {}) {
  const figure = h('figure', { class: 'chart', dataset: { chart: title } }, h('figcaption', null, title));
  const drawn = series.filter((s) => s.values.length > 0);
  if (drawn.length === 0) {
    figure.append(h('p', { class: 'muted' }, 'no values in this range'));
    return figure;
  }
  const left = 56;
  const bottom = 20;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 8;
  const times = drawn.flatMap((s) => s.times);
  const values = drawn.flatMap((s) => s.values);
  const from = Math.min(...times);
  const to = Math.max(...times);
  const low = Math.min(0, ...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const x = (t) => left + ((t - from) / (to - from || 1)) * plotWidth;
  const y = (v) => 8 + plotHeight - ((v - low) / span) * plotHeight;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  for (const fraction of [0, 0.5, 1]) {
    const value = low + span * fraction;
    chart.append(
      svg('line', { x1: left, x2: width - 8, y1: y(value), y2: y(value), class: 'grid' }),
      svg('text', { x: left - 4, y: y(value) + 4, 'text-anchor': 'end', class: 'axis' }, format(value)),
    );
  }
  for (const t of [from, (from + to) / 2, to]) {
    const label = new Date(t * 1000).toLocaleTimeString(undefined, { hour12: false, hour: '2-digit', minute: '2-digit' });
    // The last label ends at the plot's right edge rather than centred on it, where half of it would be cut off.
    chart.append(svg('text', { x: x(t), y: height - 4, 'text-anchor': t === to && to !== from ? 'end' : 'middle', class: 'axis' }, label));
  }
  const legend = h('ul', { class: 'legend' });
  drawn.forEach((one, index) => {
    const color = palette[index % palette.length];
    const points = one.times.map((t, i) => `${x(t).toFixed(1)},${y(one.values[i]).toFixed(1)}`).join(' ');
    chart.append(svg('polyline', { points, fill: 'none', stroke: color, 'stroke-width': 1.5 }, svg('title', null, one.name)));
    // One value (the first sample after a start) is no line: a dot shows it is there.
    if (one.values.length === 1) {
      chart.append(svg('circle', { cx: x(one.times[0]), cy: y(one.values[0]), r: 3, fill: color }, svg('title', null, one.name)));
    }
    // Through the style object, not a style attribute: the page's content security policy allows no inline styles.
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = color;
    legend.append(h('li', null, swatch, one.name, ` (last ${format(one.values.at(-1))})`));
  });
  figure.append(chart, legend);
  return figure;
}
