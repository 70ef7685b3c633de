// newspipe web UI. Article text comes from feeds and is untrusted: it is only ever put into the
// page as text (textContent / text nodes), never parsed as HTML. The server's Content-Security-Policy
// forbids inline scripts on top of that.
'use strict';

(function () {
  const LIVE_MAX = 50;
  const $ = (id) => document.getElementById(id);
  const tagLabels = new Map();
  let nextCursor = null;
  let listedStories = new Set(); // stories with a row in the list already (one row per story)
  let currentSearch = null;
  let liveSource = null;
  let liveTag = null;

  // ---- small DOM helpers (text only) ----

  function el(name, className, text) {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function showMessage(text, kind) {
    const m = $('message');
    m.textContent = text || '';
    m.className = 'message' + (kind ? ' ' + kind : '');
    m.hidden = !text;
  }

  function formatTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  function tagLabel(id) {
    return tagLabels.get(id) || id;
  }

  function articleHref(id) {
    return '#/article/' + encodeURIComponent(id);
  }

  // Only web links: a javascript: or data: URL from a feed must never become clickable.
  function safeHttpUrl(text) {
    if (!text) return null;
    try {
      const u = new URL(text);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const error = new Error((body && body.error) || 'request failed (' + response.status + ')');
      error.status = response.status;
      throw error;
    }
    return body;
  }

  // ---- tags ----

  async function loadTags() {
    try {
      const body = await getJson('/api/tags');
      const select = $('tag');
      for (const t of body.tags) {
        tagLabels.set(t.id, t.label);
        const option = el('option', null, t.label);
        option.value = t.id;
        if (t.description) option.title = t.description;
        select.appendChild(option);
      }
    } catch (e) {
      showMessage('Cannot load the tags: ' + e.message, 'error');
    }
  }

  function tagChips(ids) {
    const list = el('span', 'chips');
    for (const id of ids || []) {
      const chip = el('span', 'chip', tagLabel(id));
      chip.dataset.tag = id;
      list.appendChild(chip);
    }
    return list;
  }

  // ---- results ----

  // A search snippet marks matched words with [brackets]; they become <mark> elements.
  function snippetNode(text, bracketed) {
    const p = el('p', 'snippet');
    if (!text) return p;
    if (!bracketed) {
      p.textContent = text;
      return p;
    }
    const parts = text.split(/(\[[^\]]*\])/);
    for (const part of parts) {
      if (part.length > 2 && part.startsWith('[') && part.endsWith(']')) {
        p.appendChild(el('mark', null, part.slice(1, -1)));
      } else if (part) {
        p.appendChild(document.createTextNode(part));
      }
    }
    return p;
  }

  function resultItem(a, bracketed) {
    const li = el('li', 'result');
    const link = el('a', 'headline', a.headline);
    link.href = articleHref(a.id);
    li.appendChild(link);
    const meta = el('div', 'meta');
    meta.appendChild(el('span', 'when', formatTime(a.published)));
    meta.appendChild(el('span', 'source', a.source));
    if (a.version > 1) meta.appendChild(el('span', 'badge', 'v' + a.version));
    if (a.withdrawn) meta.appendChild(el('span', 'badge withdrawn', 'withdrawn'));
    meta.appendChild(tagChips(a.tags));
    if (a.reports > 1) {
      // One row stands for its story: how many other reports, and from where.
      const others = a.reports - 1;
      meta.appendChild(el('span', 'reports', '+' + others + (others === 1 ? ' report' : ' reports')));
      meta.appendChild(el('span', 'story-sources', (a.sources || []).join(', ')));
    }
    li.appendChild(meta);
    li.appendChild(snippetNode(a.snippet, bracketed));
    return li;
  }

  function searchParams(search, cursor) {
    const p = new URLSearchParams();
    if (search.q) p.set('q', search.q);
    if (search.tag) p.set('tag', search.tag);
    if (search.since) p.set('since', search.since);
    if (cursor) p.set('cursor', cursor);
    return p;
  }

  async function runSearch(search, append) {
    currentSearch = search;
    const list = $('results');
    if (!append) {
      clear(list);
      nextCursor = null;
      listedStories = new Set();
      $('results-title').textContent = search.q ? 'Results for “' + search.q + '”' : 'Latest articles';
    }
    $('more').hidden = true;
    try {
      const body = await getJson('/api/articles?' + searchParams(search, append ? nextCursor : null));
      if (currentSearch !== search) return; // a newer search started meanwhile
      for (const a of body.articles) {
        if (a.storyId && listedStories.has(a.storyId)) continue; // its story has a row above
        if (a.storyId) listedStories.add(a.storyId);
        list.appendChild(resultItem(a, Boolean(search.q)));
      }
      nextCursor = body.next;
      $('more').hidden = !nextCursor;
      if (!append && body.articles.length === 0) {
        showMessage(search.q || search.tag || search.since ? 'No articles match.' : 'No articles stored yet.', 'info');
      } else {
        showMessage('');
      }
    } catch (e) {
      showMessage(e.message, 'error');
    }
  }

  // ---- one article, with the evidence of its tags highlighted ----

  // Evidence offsets count UTF-16 code units, as JavaScript strings do, so slicing is exact.
  function highlighted(text, spans) {
    const fragment = document.createDocumentFragment();
    if (!text) return fragment;
    const sorted = spans
      .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let at = 0;
    for (const s of sorted) {
      if (s.start < at) continue; // overlaps a span already marked
      if (s.start > at) fragment.appendChild(document.createTextNode(text.slice(at, s.start)));
      const mark = el('mark', 'evidence', text.slice(s.start, s.end));
      mark.dataset.tag = s.tag;
      mark.title = tagLabel(s.tag) + ' — ' + s.rule;
      fragment.appendChild(mark);
      at = s.end;
    }
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  function spansOf(article, field) {
    const spans = [];
    for (const t of article.tags) {
      for (const e of t.evidence) {
        if (e.field === field) spans.push({ start: e.start, end: e.end, tag: t.id, rule: e.rule });
      }
    }
    return spans;
  }

  const EVIDENCE_SHOWN = 3;

  // Clicking a tag shows only its evidence highlighted; clicking it again shows all.
  function focusTag(id) {
    const view = $('article');
    const focused = view.dataset.focus === id ? '' : id;
    view.dataset.focus = focused;
    for (const m of view.querySelectorAll('mark.evidence[data-tag]')) {
      m.classList.toggle('dimmed', Boolean(focused) && m.dataset.tag !== focused);
    }
    for (const c of view.querySelectorAll('#article-chips .chip')) {
      c.classList.toggle('focused', c.dataset.tag === focused);
    }
  }

  function tagButton(t) {
    const chip = el('button', 'chip', (t.label || t.id) + ' ' + t.score.toFixed(1));
    chip.type = 'button';
    chip.dataset.tag = t.id;
    chip.title = 'Highlight only the evidence for ' + (t.label || t.id);
    chip.addEventListener('click', () => focusTag(t.id));
    return chip;
  }

  function evidenceItem(e) {
    const item = el('li', 'evidence-item');
    item.appendChild(el('span', 'field', e.field));
    const quote = el('q');
    quote.appendChild(document.createTextNode(e.before ? '…' + e.before : ''));
    quote.appendChild(el('mark', 'evidence', e.text));
    quote.appendChild(document.createTextNode(e.after ? e.after + '…' : ''));
    item.appendChild(quote);
    item.appendChild(el('span', 'rule', e.rule));
    return item;
  }

  function tagEvidenceItem(t) {
    const li = el('li', 'tag-item');
    li.dataset.tag = t.id;
    const head = el('div', 'tag-head');
    head.appendChild(el('span', 'chip', t.label || t.id));
    head.appendChild(el('span', 'score', 'score ' + t.score.toFixed(2) + ' · confidence ' + Math.round(t.confidence * 100) + '%'));
    if (t.mediaTopics && t.mediaTopics.length) head.appendChild(el('span', 'codes', t.mediaTopics.join(' ')));
    li.appendChild(head);
    const list = el('ul', 'evidence-list');
    t.evidence.forEach((e, i) => {
      const item = evidenceItem(e);
      item.hidden = i >= EVIDENCE_SHOWN;
      list.appendChild(item);
    });
    li.appendChild(list);
    const hidden = t.evidence.length - EVIDENCE_SHOWN;
    if (hidden > 0) {
      const more = el('button', 'more-evidence', 'show ' + hidden + ' more');
      more.type = 'button';
      more.addEventListener('click', () => {
        for (const item of list.children) item.hidden = false;
        more.remove();
      });
      li.appendChild(more);
    }
    return li;
  }

  function renderArticle(a) {
    const view = $('article');
    view.dataset.focus = '';
    view.dataset.id = a.id;
    const headline = $('article-headline');
    clear(headline);
    headline.appendChild(highlighted(a.headline, spansOf(a, 'headline')));
    const sub = $('article-subheadline');
    clear(sub);
    sub.appendChild(highlighted(a.subheadline || '', spansOf(a, 'subheadline')));
    sub.hidden = !a.subheadline;

    const meta = $('article-meta');
    clear(meta);
    const parts = [];
    if (a.byline) parts.push(a.byline);
    parts.push((a.source && (a.source.name || a.source.id)) || '');
    if (a.dateline) parts.push(a.dateline);
    parts.push(formatTime(a.published || a.received));
    meta.appendChild(el('span', null, parts.filter(Boolean).join(' · ')));
    if (a.version > 1) meta.appendChild(el('span', 'badge', 'version ' + a.version + ' of ' + a.versions));
    if (a.withdrawn) meta.appendChild(el('span', 'badge withdrawn', 'withdrawn'));
    const url = safeHttpUrl(a.url);
    if (url) {
      const link = el('a', 'original', 'original');
      link.href = url;
      link.rel = 'noopener noreferrer nofollow';
      link.target = '_blank';
      meta.appendChild(link);
    }

    const chips = $('article-chips');
    clear(chips);
    for (const t of a.tags) chips.appendChild(tagButton(t));
    const tags = $('article-tags');
    clear(tags);
    if (a.tags.length === 0) tags.appendChild(el('li', 'none', 'No tag was given: no rule of the taxonomy matched.'));
    for (const t of a.tags) tags.appendChild(tagEvidenceItem(t));

    const body = $('article-body');
    clear(body);
    body.appendChild(highlighted(a.body, spansOf(a, 'body')));

    const footer = $('article-footer');
    footer.textContent = [a.rights, a.id, a.taxonomyVersion ? 'taxonomy ' + a.taxonomyVersion : '']
      .filter(Boolean)
      .join(' · ');
    view.hidden = false;
  }

  // ---- the other reports of the article's story ----

  // The API lists every report of the story, this one included; it is marked, not left out, so
  // the reader sees where it stands among the others.
  function storyItem(s, currentId) {
    const li = el('li', s.id === currentId ? 'current' : null);
    if (s.id === currentId) {
      li.appendChild(el('span', 'headline', s.headline));
      li.appendChild(el('span', 'badge', 'this report'));
    } else {
      const link = el('a', 'headline', s.headline);
      link.href = articleHref(s.id);
      li.appendChild(link);
    }
    li.appendChild(el('span', 'source', s.source));
    li.appendChild(el('span', 'when', formatTime(s.published)));
    return li;
  }

  async function showStory(a) {
    const section = $('article-story');
    section.hidden = true;
    const list = $('article-story-list');
    clear(list);
    if (!a.storyId) return;
    let story = null;
    let failure = null;
    try {
      story = await getJson('/api/stories/' + a.storyId.split('/').map(encodeURIComponent).join('/'));
    } catch (e) {
      failure = e;
    }
    if ($('article').dataset.id !== a.id) return; // another article was opened meanwhile
    if (failure) {
      if (failure.status === 404) return; // e.g. a withdrawn article, alone in its story
      $('article-story-title').textContent = 'Other reports of this story';
      list.appendChild(el('li', 'none', 'Cannot load them: ' + failure.message));
      section.hidden = false;
      return;
    }
    const others = story.articles.filter((s) => s.id !== a.id).length;
    if (others === 0) return;
    $('article-story-title').textContent = 'Other reports of this story (' + others + ')';
    for (const s of story.articles) list.appendChild(storyItem(s, a.id));
    section.hidden = false;
  }

  async function showArticle(id) {
    $('results-view').hidden = true;
    $('article').hidden = true;
    $('article-story').hidden = true;
    showMessage('Loading…', 'info');
    try {
      const a = await getJson('/api/articles/' + id.split('/').map(encodeURIComponent).join('/'));
      showMessage('');
      renderArticle(a);
      document.title = a.headline + ' · newspipe';
      window.scrollTo(0, 0);
      showStory(a);
    } catch (e) {
      showMessage(e.status === 404 ? 'No article with id “' + id + '”. It may not be stored yet, or the link is wrong.' : e.message, e.status === 404 ? 'notfound' : 'error');
    }
  }

  // ---- live panel (Server-Sent Events) ----

  function setLiveStatus(text, kind) {
    const s = $('live-status');
    s.textContent = text;
    s.className = 'live-status ' + (kind || '');
  }

  function connectLive(tag) {
    if (liveSource && liveTag === tag) return;
    if (liveSource) liveSource.close();
    liveTag = tag;
    $('live-filter').textContent = tag ? ' with the tag ' + tagLabel(tag) : '';
    setLiveStatus('connecting…', '');
    liveSource = new EventSource('/api/stream' + (tag ? '?tag=' + encodeURIComponent(tag) : ''));
    liveSource.addEventListener('status', (event) => {
      const state = JSON.parse(event.data).state;
      if (state === 'live') setLiveStatus('live', 'on');
      else if (state === 'waiting') setLiveStatus('waiting for Kafka topic', 'wait');
      else setLiveStatus(state, 'wait');
    });
    liveSource.addEventListener('article', (event) => {
      const a = JSON.parse(event.data);
      const list = $('live-list');
      const li = resultItem(a, false);
      li.classList.add('fresh');
      list.insertBefore(li, list.firstChild);
      while (list.children.length > LIVE_MAX) list.removeChild(list.lastChild);
    });
    liveSource.onerror = () => {
      // EventSource reconnects by itself; say so rather than going quiet.
      setLiveStatus(liveSource.readyState === EventSource.CLOSED ? 'offline' : 'reconnecting…', 'off');
    };
  }

  // ---- routing: #/?q=..&tag=..&since=.. (search) and #/article/<id> ----

  function route() {
    const hash = location.hash || '#/';
    if (hash.startsWith('#/article/')) {
      let id;
      try {
        id = decodeURIComponent(hash.slice('#/article/'.length));
      } catch (e) {
        id = hash.slice('#/article/'.length);
      }
      if (!liveSource) connectLive('');
      showArticle(id);
      return;
    }
    const query = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '';
    const p = new URLSearchParams(query);
    const search = { q: p.get('q') || '', tag: p.get('tag') || '', since: p.get('since') || '' };
    $('q').value = search.q;
    $('tag').value = search.tag;
    $('since').value = search.since;
    $('article').hidden = true;
    $('results-view').hidden = false;
    document.title = 'newspipe';
    connectLive(search.tag);
    runSearch(search, false);
  }

  function submitSearch(event) {
    event.preventDefault();
    const p = new URLSearchParams();
    const q = $('q').value.trim();
    if (q) p.set('q', q);
    if ($('tag').value) p.set('tag', $('tag').value);
    if ($('since').value) p.set('since', $('since').value);
    const target = '#/' + (p.toString() ? '?' + p : '');
    if (location.hash === target) route();
    else location.hash = target;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('search-form').addEventListener('submit', submitSearch);
    $('more').addEventListener('click', () => currentSearch && runSearch(currentSearch, true));
    window.addEventListener('hashchange', route);
    // A page left (or kept in the back/forward cache) gives up its live stream: the browser allows
    // only six connections to one server, and streams of pages no longer shown would use them up.
    window.addEventListener('pagehide', () => {
      if (liveSource) liveSource.close();
      liveSource = null;
    });
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) route();
    });
    await loadTags();
    route();
  });
})();
