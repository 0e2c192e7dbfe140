// Builds elements from data without ever parsing data as HTML: every string becomes a text node or a property, so a log
// line or a service name such as "<script>alert(1)</script>" shows as those characters. Nothing here uses innerHTML.

/** h('tr', { class: 'row', dataset: { container: name } }, 'text', child, [more]) */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** The same for SVG elements: attributes are set as attributes, text as text nodes. */
export function svg(tag, attributes, ...children) {
  const element = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'href') element.setAttribute('href', safeHref(value));
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Only http(s) and in-page links: a configured address of "javascript:..." must not become a link that runs code. */
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith('#') || text.startsWith('/')) return text;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch {
    return '#';
  }
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** Replaces an element's children with new ones. */
export function fill(element, ...children) {
  clear(element);
  append(element, children);
  return element;
}
