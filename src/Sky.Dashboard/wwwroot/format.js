// Numbers and times as people read them.

export function bytes(value) {
  if (value === undefined || value === null) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let amount = value;
  let unit = 0;
  while (Math.abs(amount) >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit += 1;
  }
  return `${amount.toFixed(amount >= 100 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function number(value, digits = 1) {
  if (value === undefined || value === null) return '–';
  return Number(value).toFixed(digits);
}

export function percent(value) {
  return value === undefined || value === null ? '–' : `${Number(value).toFixed(1)}%`;
}

export function time(value) {
  if (!value) return '–';
  const date = new Date(value);
  return date.toLocaleString(undefined, { hour12: false });
}

export function clock(value) {
  if (!value) return '';
  const date = new Date(value);
  return `${date.toLocaleTimeString(undefined, { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

export function seconds(value) {
  if (value === undefined || value === null) return '–';
  if (value < 1) return `${Math.round(value * 1000)}ms`;
  if (value < 60) return `${value.toFixed(1)}s`;
  const minutes = Math.floor(value / 60);
  return minutes < 60 ? `${minutes}m ${Math.round(value % 60)}s` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

export function ago(value) {
  if (!value) return '–';
  return `${seconds((Date.now() - new Date(value).getTime()) / 1000)} ago`;
}
