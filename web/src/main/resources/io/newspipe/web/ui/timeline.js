// newspipe: coverage of a tag over time. When the list is filtered by one tag (#/?tag=...), a bar
// chart of its articles per day (or hour) over a chosen range is drawn above the list, as SVG built
// with DOM calls (no library, nothing inline, so the Content-Security-Policy stays as it is), with
// links to the tag's feeds and export. Text from the API is only ever set as text.
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const RANGES = [
    { id: '48h', label: 'last 48 hours', interval: 'hour', hours: 48 },
    { id: '7d', label: 'last 7 days', interval: 'day', days: 7 },
    { id: '30d', label: 'last 30 days', interval: 'day', days: 30 },
    { id: '90d', label: 'last 90 days', interval: 'day', days: 90 },
    { id: '365d', label: 'last year', interval: 'day', days: 365 },
  ];
  const WIDTH = 640;
  const HEIGHT = 120;
  const BOTTOM = 18;
  let rangeId = '30d';
  let shownTag = null;
  let request = 0;

  function el(name, className, text) {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(name, attributes) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attributes || {})) node.setAttribute(k, String(v));
    return node;
  }

  function currentTag() {
    const hash = location.hash || '#/';
    if (hash.startsWith('#/article/')) return null;
    const query = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '';
    const tag = new URLSearchParams(query).get('tag');
    return tag || null;
  }

  function range() {
    return RANGES.find((r) => r.id === rangeId) || RANGES[2];
  }

  // since as the API takes it: a UTC day for daily buckets, a UTC minute for hourly ones.
  function sinceParameter(r) {
    const now = Date.now();
    if (r.interval === 'hour') {
      return new Date(now - r.hours * 3600e3).toISOString().slice(0, 16) + 'Z';
    }
    return new Date(now - (r.days - 1) * 86400e3).toISOString().slice(0, 10);
  }

  function label(iso, interval) {
    return interval === 'hour' ? iso.slice(5, 13).replace('T', ' ') + 'h' : iso.slice(0, 10);
  }

  function chart(body) {
    const buckets = body.buckets;
    const max = Math.max(1, ...buckets.map((b) => b.count));
    const slot = WIDTH / buckets.length;
    const plot = HEIGHT - BOTTOM;
    const root = svg('svg', {
      class: 'timeline-chart',
      viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT,
      role: 'img',
      'aria-label': body.total + ' articles, ' + label(body.since, body.interval) + ' to ' + label(body.until, body.interval),
    });
    root.appendChild(svg('line', { class: 'axis', x1: 0, y1: plot + 0.5, x2: WIDTH, y2: plot + 0.5 }));
    buckets.forEach((b, i) => {
      const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (plot - 12));
      const bar = svg('rect', {
        class: 'bar',
        x: (i * slot + slot * 0.1).toFixed(2),
        y: (plot - h).toFixed(2),
        width: Math.max(1, slot * 0.8).toFixed(2),
        height: h.toFixed(2),
        'data-start': b.start,
        'data-count': b.count,
      });
      const tip = svg('title');
      tip.textContent = label(b.start, body.interval) + ': ' + b.count + (b.count === 1 ? ' article' : ' articles');
      bar.appendChild(tip);
      root.appendChild(bar);
    });
    const first = svg('text', { class: 'tick', x: 0, y: HEIGHT - 4 });
    first.textContent = label(buckets[0].start, body.interval);
    const last = svg('text', { class: 'tick', x: WIDTH, y: HEIGHT - 4, 'text-anchor': 'end' });
    last.textContent = label(buckets[buckets.length - 1].start, body.interval);
    const top = svg('text', { class: 'tick', x: 2, y: 10 });
    top.textContent = 'max ' + max;
    root.append(first, last, top);
    return root;
  }

  function links(tag) {
    const p = el('p', 'timeline-links');
    const enc = encodeURIComponent(tag);
    const items = [
      ['RSS', '/feeds/tags/' + enc + '.xml'],
      ['Atom', '/feeds/tags/' + enc + '.atom'],
      ['CSV', '/api/articles/export?format=csv&tag=' + enc],
      ['JSON Lines', '/api/articles/export?format=jsonl&tag=' + enc],
    ];
    items.forEach(([text, href], i) => {
      if (i > 0) p.appendChild(document.createTextNode(' · '));
      const a = el('a', null, text);
      a.href = href;
      p.appendChild(a);
    });
    return p;
  }

  function controls(section, tag) {
    const head = el('div', 'timeline-head');
    head.appendChild(el('h2', 'section-title', 'Coverage'));
    const select = el('select', 'timeline-range');
    select.id = 'timeline-range';
    select.setAttribute('aria-label', 'Coverage range');
    for (const r of RANGES) {
      const option = el('option', null, r.label);
      option.value = r.id;
      select.appendChild(option);
    }
    select.value = rangeId;
    select.addEventListener('change', () => {
      rangeId = select.value;
      load(section, tag);
    });
    head.appendChild(select);
    section.appendChild(head);
    const body = el('div', 'timeline-body');
    body.id = 'timeline-body';
    section.appendChild(body);
    section.appendChild(links(tag));
  }

  async function load(section, tag) {
    const mine = ++request;
    const body = section.querySelector('#timeline-body');
    body.replaceChildren(el('p', 'timeline-loading', 'Loading…'));
    const r = range();
    const p = new URLSearchParams({ tag: tag, interval: r.interval, since: sinceParameter(r) });
    let data = null;
    let failure = null;
    try {
      const response = await fetch('/api/tags/timeline?' + p, { headers: { Accept: 'application/json' } });
      data = await response.json();
      if (!response.ok) failure = (data && data.error) || 'request failed (' + response.status + ')';
    } catch (e) {
      failure = e.message;
    }
    if (mine !== request) return; // another tag or range was chosen meanwhile
    if (failure) {
      body.replaceChildren(el('p', 'timeline-empty error', 'Cannot load the coverage: ' + failure));
    } else if (data.total === 0) {
      body.replaceChildren(el('p', 'timeline-empty', 'No articles with this tag in the ' + r.label + '.'));
    } else {
      body.replaceChildren(
        chart(data),
        el('p', 'timeline-total', data.total + (data.total === 1 ? ' article' : ' articles') + ' in the ' + r.label),
      );
    }
    section.dataset.state = failure ? 'error' : data.total === 0 ? 'empty' : 'chart';
  }

  function update() {
    const section = document.getElementById('timeline');
    if (!section) return;
    const tag = currentTag();
    if (!tag) {
      section.hidden = true;
      shownTag = null;
      return;
    }
    section.hidden = false;
    if (tag === shownTag) return;
    shownTag = tag;
    section.replaceChildren();
    controls(section, tag);
    load(section, tag);
  }

  document.addEventListener('DOMContentLoaded', () => {
    window.addEventListener('hashchange', update);
    update();
  });
})();
