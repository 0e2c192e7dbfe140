// A log view that stays responsive with hundreds of thousands of lines: the lines live in an array, and only the rows
// in sight (plus a few) exist in the page, positioned over a spacer as tall as all the lines. Rows are recycled as
// one scrolls, and new lines are drawn once per animation frame however fast they come. Each line is text.
import { h, clear } from './dom.js';
import { clock } from './format.js';

const rowHeight = 18;
const overscan = 10;

export class LogView {
  constructor({ limit = 200000 } = {}) {
    this.limit = limit;
    this.all = [];
    this.shown = [];
    this.filter = () => true;
    this.follow = true;
    this.spacer = h('div', { class: 'log-spacer' });
    this.rows = h('div', { class: 'log-rows' });
    this.element = h('div', { class: 'log-viewport', tabindex: 0, role: 'log', 'aria-live': 'off' }, this.spacer, this.rows);
    this.count = h('span', { class: 'log-count' }, '0 lines');
    this.element.addEventListener('scroll', () => {
      // Scrolling up stops following; back at the bottom, it follows again.
      const atBottom = this.element.scrollTop + this.element.clientHeight >= this.element.scrollHeight - rowHeight * 2;
      if (this.onFollowChange && atBottom !== this.follow) this.onFollowChange(atBottom);
      this.follow = atBottom;
      this.schedule();
    });
    this.pending = false;
  }

  clear() {
    this.all = [];
    this.shown = [];
    this.schedule();
  }

  /** Adds lines (LogLine objects) at the end; past the limit (and a tenth, to drop in batches) the oldest go. */
  add(lines) {
    if (lines.length === 0) return;
    for (const line of lines) {
      this.all.push(line);
      if (this.filter(line)) this.shown.push(line);
    }
    if (this.all.length > this.limit * 1.1) {
      this.all = this.all.slice(this.all.length - this.limit);
      this.shown = this.all.filter(this.filter);
    }
    this.schedule();
  }

  /** Shows only the lines that pass: a container chosen, say. */
  setFilter(filter) {
    this.filter = filter;
    this.shown = this.all.filter(filter);
    this.schedule();
  }

  setFollow(follow) {
    this.follow = follow;
    this.schedule();
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  draw() {
    const total = this.shown.length;
    this.spacer.style.height = `${total * rowHeight}px`;
    this.count.textContent = `${total.toLocaleString()} line${total === 1 ? '' : 's'}${total !== this.all.length ? ` of ${this.all.length.toLocaleString()}` : ''}`;
    if (this.follow) this.element.scrollTop = this.element.scrollHeight;
    const top = this.element.scrollTop;
    const height = this.element.clientHeight || 400;
    const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
    const last = Math.min(total, Math.ceil((top + height) / rowHeight) + overscan);
    const wanted = last - first;
    while (this.rows.children.length < wanted) this.rows.append(this.row());
    while (this.rows.children.length > wanted) this.rows.lastChild.remove();
    this.rows.style.transform = `translateY(${first * rowHeight}px)`;
    for (let index = first; index < last; index += 1) {
      this.fillRow(this.rows.children[index - first], this.shown[index]);
    }
  }

  row() {
    return h('div', { class: 'log-line' }, h('span', { class: 'log-time' }), h('span', { class: 'log-container' }), h('span', { class: 'log-text' }));
  }

  fillRow(row, line) {
    const [timeCell, containerCell, textCell] = row.children;
    row.dataset.stream = line.stream;
    timeCell.textContent = clock(line.time);
    containerCell.textContent = line.container;
    textCell.textContent = line.text;
    row.title = line.truncated ? 'cut at 1 MiB' : '';
  }

  destroy() {
    clear(this.rows);
    this.all = [];
    this.shown = [];
  }
}
