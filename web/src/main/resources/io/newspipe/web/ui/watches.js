// The saved-searches page: create, list and delete saved searches, and show the matches of the
// selected one (polled every 2 s) and the latest alerts. Text from feeds is only ever set with
// textContent, never as HTML.
"use strict";

(function () {
  const POLL_MS = 2000;
  let selected = null;

  const $ = (id) => document.getElementById(id);

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function words(value) {
    return value.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  }

  function say(text) {
    const m = $("watch-message");
    m.textContent = text;
    m.hidden = !text;
  }

  async function json(url, options) {
    const response = await fetch(url, options);
    if (response.status === 204) return null;
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || body.message || ("HTTP " + response.status));
    return body;
  }

  async function loadWatches() {
    const body = await json("/api/watches");
    const list = $("watch-list");
    list.replaceChildren();
    for (const w of body.watches) {
      const li = el("li", w.id === selected ? "selected" : "");
      li.dataset.id = w.id;
      const left = el("div");
      const link = el("a", "watch-name", w.name);
      link.href = "#" + w.id;
      link.addEventListener("click", (ev) => { ev.preventDefault(); select(w.id, w.name); });
      left.append(link, el("div", "watch-query", w.query));
      const del = el("button", "watch-delete", "Delete");
      del.type = "button";
      del.addEventListener("click", async () => {
        await json("/api/watches/" + encodeURIComponent(w.id), { method: "DELETE" });
        if (selected === w.id) select(null, null);
        loadWatches();
      });
      li.append(left, del);
      list.append(li);
    }
    if (!selected && location.hash.length > 1) {
      const w = body.watches.find((x) => x.id === location.hash.substring(1));
      if (w) select(w.id, w.name);
    }
  }

  function select(id, name) {
    selected = id;
    $("match-title").textContent = id ? "Matches of " + name : "Matches";
    $("match-feed").hidden = !id;
    if (id) {
      $("match-feed-link").href = "/feeds/watches/" + encodeURIComponent(id) + ".xml";
      history.replaceState(null, "", "#" + id);
    }
    $("matches").replaceChildren();
    loadWatches();
    pollMatches();
  }

  function articleItem(a) {
    const li = el("li", "watch-match");
    li.dataset.id = a.id;
    const title = el("a", "watch-headline", a.headline);
    title.href = "/#article=" + encodeURIComponent(a.id);
    li.append(title);
    li.append(el("div", "watch-meta",
        [a.published, a.source, (a.tags || []).join(", ")].filter(Boolean).join(" · ")));
    return li;
  }

  async function pollMatches() {
    if (!selected) return;
    try {
      const body = await json("/api/watches/" + encodeURIComponent(selected) + "/matches");
      if (body.watch.id !== selected) return;
      $("matches").replaceChildren(...body.matches.map(articleItem));
    } catch (e) {
      say(e.message);
    }
  }

  async function pollAlerts() {
    try {
      const body = await json("/api/alerts?limit=20");
      $("alerts").replaceChildren(...body.alerts.map((a) => {
        const li = el("li", "watch-alert");
        li.append(el("div", "watch-headline", a.message));
        li.append(el("div", "watch-meta", [a.firedAt, a.ruleId].join(" · ")));
        return li;
      }));
    } catch (e) {
      say(e.message);
    }
  }

  $("watch-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    say("");
    try {
      const w = await json("/api/watches", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          name: $("watch-name").value,
          query: $("watch-query").value,
          tags: words($("watch-tags").value),
          allTags: $("watch-all-tags").checked,
          sources: words($("watch-sources").value),
          languages: words($("watch-languages").value),
        }),
      });
      $("watch-form").reset();
      select(w.id, w.name);
    } catch (e) {
      say(e.message);
    }
  });

  loadWatches().catch((e) => say(e.message));
  pollAlerts();
  setInterval(pollMatches, POLL_MS);
  setInterval(pollAlerts, POLL_MS * 5);
})();
