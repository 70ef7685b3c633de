// The Feeds page: GET /api/feeds as a table. Feed ids, URLs and error messages come from
// configuration and from feed servers: they are only put into the page as text, and a URL becomes
// a link only when it is http(s).
'use strict';

(function () {
  const REFRESH_MS = 30000;
  const byId = (id) => document.getElementById(id);

  function textNode(tag, cls, value) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (value !== undefined && value !== null) node.textContent = String(value);
    return node;
  }

  function when(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return isNaN(d.getTime()) ? '—' : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  // A javascript:, data: or file: URL must never become clickable.
  function webLink(url) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch (e) {
      return textNode('span', 'feed-url', url);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return textNode('span', 'feed-url', url);
    }
    const a = textNode('a', 'feed-url', url);
    a.href = parsed.href;
    a.rel = 'noopener noreferrer nofollow';
    a.target = '_blank';
    return a;
  }

  function cell(row, content, cls) {
    const td = textNode('td', cls);
    if (content instanceof Node) td.appendChild(content);
    else td.textContent = content === null || content === undefined ? '—' : String(content);
    row.appendChild(td);
    return td;
  }

  function feedRow(f) {
    const row = textNode('tr', 'feed ' + f.status);
    row.dataset.feed = f.id;
    cell(row, textNode('span', 'status ' + f.status, f.status));
    const name = cell(row, textNode('span', 'feed-id', f.id));
    name.appendChild(webLink(f.url));
    const poll = [f.outcome, f.httpStatus ? 'HTTP ' + f.httpStatus : null, when(f.lastPoll)];
    const last = cell(row, poll.filter(Boolean).join(' · '));
    if (f.message) last.appendChild(textNode('span', 'feed-message', f.message));
    cell(row, when(f.lastSuccess));
    cell(row, f.consecutiveFailures, 'number failures');
    cell(row, f.itemsSeen + ' (' + f.newItems + ')', 'number');
    cell(row, when(f.lastItem));
    cell(row, f.silent ? when(f.silentSince) : '—', 'silent-since');
    return row;
  }

  function say(text, kind) {
    const m = byId('feeds-message');
    m.textContent = text || '';
    m.className = 'message' + (kind ? ' ' + kind : '');
    m.hidden = !text;
  }

  async function load() {
    let body;
    try {
      const r = await fetch('/api/feeds', { headers: { Accept: 'application/json' } });
      body = await r.json();
      if (!r.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + r.status);
    } catch (e) {
      say('Cannot load feed health: ' + e.message, 'error');
      return;
    }
    const feeds = body.feeds || [];
    const tbody = byId('feeds-body');
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    feeds.forEach((f) => tbody.appendChild(feedRow(f)));
    byId('feeds').hidden = feeds.length === 0;
    const failing = feeds.filter((f) => f.status === 'failing').length;
    const silent = feeds.filter((f) => f.status === 'silent').length;
    byId('feeds-summary').textContent =
      feeds.length + ' feeds · ' + failing + ' failing · ' + silent + ' silent';
    if (feeds.length === 0) {
      say(body.source === 'live'
        ? 'No feed has been polled yet: configure feeds in newspipe.yaml (see the README).'
        : 'Waiting for feed health (' + body.source + ').');
    } else {
      say('');
    }
  }

  load();
  setInterval(load, REFRESH_MS);
})();
