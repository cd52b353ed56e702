/* Presseschau review front end. Plain JS, no build step, no dependencies.
 * Article text and all other data are put in the page as text nodes only (never innerHTML).
 */
"use strict";

// The label set comes from the server (/api/state "labels", i.e. pipeline/schema LABELS).
let LABELS = [];
const $ = (id) => document.getElementById(id);

const S = {
  view: null,          // "list" | "article"
  articles: [],
  art: null,           // /api/articles/<id> answer
  sel: null,           // key "start:end:label" of the selected entity
  draft: null,         // {start, end} while moving boundaries
  filters: loadFilters(),
  showRemoved: localStorage.getItem("ps.showRemoved") === "1",
  reviewer: localStorage.getItem("ps.reviewer") || "",
  pendingSel: null,    // {start, end, text} of a text selection to add
  busy: false,
};

function loadFilters() {
  try {
    const f = JSON.parse(localStorage.getItem("ps.filters") || "{}");
    return { labels: Array.isArray(f.labels) ? f.labels : null, status: f.status || "", source: f.source || "" };
  } catch (e) {
    return { labels: null, status: "", source: "" };
  }
}
function saveFilters() { localStorage.setItem("ps.filters", JSON.stringify(S.filters)); }

function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") n.className = v;
    else if (k === "dataset") Object.assign(n.dataset, v);
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? "" : String(v));
  }
  for (const k of kids) {
    if (k === null || k === undefined || k === false) continue;
    n.appendChild(typeof k === "string" || typeof k === "number" ? document.createTextNode(String(k)) : k);
  }
  return n;
}
function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }

function flash(msg, bad) {
  const s = $("status");
  s.textContent = msg || "";
  s.className = bad ? "bad" : "";
  if (msg) setTimeout(() => { if (s.textContent === msg) s.textContent = ""; }, bad ? 6000 : 2500);
}

async function api(path, body) {
  const opts = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(Object.assign({ reviewer: S.reviewer || undefined }, body)),
  };
  const r = await fetch(path, opts);
  let data = null;
  try { data = await r.json(); } catch (e) { data = null; }
  if (!r.ok) { const err = new Error((data && data.error) || r.statusText); err.status = r.status; throw err; }
  return data;
}

/* ------------------------------------------------------------------ routing */
function route() {
  const h = location.hash || "#/";
  const m = h.match(/^#\/a\/(.+)$/);
  if (m) openArticle(decodeURIComponent(m[1]));
  else openList();
}
window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", init);

async function init() {
  $("help-btn").addEventListener("click", toggleHelp);
  $("help-close").addEventListener("click", toggleHelp);
  $("reviewer").addEventListener("click", changeReviewer);
  $("prev-article").addEventListener("click", () => gotoArticle(-1));
  $("next-article").addEventListener("click", () => gotoArticle(1));
  $("undo").addEventListener("click", undo);
  $("accept-all").addEventListener("click", acceptAll);
  $("accept").addEventListener("click", () => decideSel("accept"));
  $("reject").addEventListener("click", () => decideSel("reject"));
  $("save").addEventListener("click", saveDraft);
  $("cancel").addEventListener("click", cancelDraft);
  $("s-left").addEventListener("click", () => moveBoundary("start", -1));
  $("s-right").addEventListener("click", () => moveBoundary("start", 1));
  $("e-left").addEventListener("click", () => moveBoundary("end", -1));
  $("e-right").addEventListener("click", () => moveBoundary("end", 1));
  let st = null;
  try {
    st = await api("/api/state");
    LABELS = st.labels;
  } catch (e) { flash(e.message, true); }
  if (S.filters.labels === null) S.filters.labels = LABELS.slice();
  $("show-removed").checked = S.showRemoved;
  $("show-removed").addEventListener("change", (e) => { S.showRemoved = e.target.checked; localStorage.setItem("ps.showRemoved", S.showRemoved ? "1" : "0"); renderArticle(); });
  $("filter-status").value = S.filters.status;
  $("filter-source").value = S.filters.source;
  $("filter-status").addEventListener("change", (e) => { S.filters.status = e.target.value; saveFilters(); renderArticle(); });
  $("filter-source").addEventListener("change", (e) => { S.filters.source = e.target.value; saveFilters(); renderArticle(); });
  const fl = $("filter-labels");
  LABELS.forEach((l) => {
    const cb = el("input", { type: "checkbox", value: l, "data-testid": "filter-" + l });
    cb.checked = S.filters.labels.includes(l);
    cb.addEventListener("change", () => {
      S.filters.labels = LABELS.filter((x) => fl.querySelector(`input[value="${x}"]`).checked);
      saveFilters(); renderArticle();
    });
    fl.appendChild(el("label", { class: "lab-" + l + " chip" }, cb, l));
  });
  const pl = $("p-labels");
  LABELS.forEach((l, i) => pl.appendChild(el("button", { type: "button", class: "chip lab-" + l, title: `${l} (${i + 1})`, "data-testid": "relabel-" + l, onclick: () => relabel(l) }, `${i + 1} ${l}`)));
  const ab = $("add-buttons");
  LABELS.forEach((l, i) => ab.appendChild(el("button", { type: "button", class: "chip lab-" + l, "data-testid": "add-" + l, onmousedown: (e) => e.preventDefault(), onclick: () => addSelection(l) }, `${i + 1} ${l}`)));
  $("text").addEventListener("mouseup", onTextSelect);
  $("text").addEventListener("keyup", onTextSelect);
  document.addEventListener("selectionchange", onSelectionChange);
  document.addEventListener("keydown", onKey);
  if (st && !S.reviewer) S.reviewer = st.reviewer;
  renderReviewer();
  route();
}

function renderReviewer() { $("reviewer").textContent = "Reviewer: " + (S.reviewer || "?"); }
function changeReviewer() {
  const n = prompt("Reviewer name", S.reviewer || "");
  if (n && n.trim()) { S.reviewer = n.trim().slice(0, 80); localStorage.setItem("ps.reviewer", S.reviewer); renderReviewer(); }
}
function toggleHelp() { $("help").hidden = !$("help").hidden; }

/* ------------------------------------------------------------------ list */
async function openList() {
  S.view = "list"; S.art = null;
  $("article-view").hidden = true; $("list-view").hidden = false;
  document.title = "Presseschau review";
  try {
    const [st, arts] = await Promise.all([api("/api/state"), api("/api/articles")]);
    S.articles = arts;
    S.resume = st.resume;
    renderOverall(st);
    const res = arts.find((a) => a.id === st.resume);
    $("resume").hidden = !res;
    if (res) { $("resume-link").href = "#/a/" + encodeURIComponent(res.id); $("resume-link").textContent = "Resume reviewing: " + (res.title || res.id) + " →"; }
    const orph = $("orphans");
    if (st.orphans && st.orphans.length) {
      orph.hidden = false;
      orph.textContent = `${st.orphans.length} decision(s) refer to articles that are no longer in the output (kept in the log): ` +
        st.orphans.map((f) => `${f.article_id}: ${f.decision} ${f.label || ""} “${f.text || ""}”`).join("; ");
    } else orph.hidden = true;
    const tb = clear($("articles").querySelector("tbody"));
    arts.forEach((a, i) => {
      const p = a.progress;
      const pct = p.total ? Math.round(100 * p.done / p.total) : 100;
      const bar = el("span", { class: "bar", title: `${p.done}/${p.total} reviewed` }, el("span", { class: "fill", style: null }));
      bar.firstChild.style.width = pct + "%";
      const tr = el("tr", { class: p.pending === 0 ? "done" : "", "data-id": a.id, "data-testid": "article-row", tabindex: "0" },
        el("td", {}, i + 1),
        el("td", {}, el("a", { href: "#/a/" + encodeURIComponent(a.id) }, a.title || a.id)),
        el("td", {}, a.outlet || ""),
        el("td", {}, a.published || ""),
        el("td", {}, bar, ` ${p.done}/${p.total}`),
        el("td", { class: "num" }, p.pending),
        el("td", { class: a.flags ? "num warn" : "num" }, a.flags || ""));
      tr.addEventListener("dblclick", () => { location.hash = "#/a/" + encodeURIComponent(a.id); });
      tb.appendChild(tr);
    });
  } catch (e) { flash(e.message, true); }
}

function refreshOverall() { api("/api/state").then(renderOverall).catch(() => {}); }

function renderOverall(st) {
  const p = st.progress;
  $("overall").textContent = `${st.articles} articles · ${p.done}/${p.total} entities reviewed · ${st.decisions} decisions` + (st.flags ? ` · ${st.flags} flagged` : "");
}

/* ------------------------------------------------------------------ article */
async function openArticle(id) {
  S.view = "article";
  $("list-view").hidden = true; $("article-view").hidden = false;
  try {
    const a = await api("/api/articles/" + encodeURIComponent(id));
    const fresh = !S.art || S.art.record.id !== id;
    S.art = a;
    if (fresh) { S.sel = null; S.draft = null; S.pendingSel = null; refreshOverall(); }
    renderArticle();
    if (fresh) { window.scrollTo(0, 0); selectNext(true); }
  } catch (e) {
    flash(e.message, true);
    clear($("text")).appendChild(el("p", { class: "bad" }, e.message));
  }
}

function setArticle(a) {
  S.art = a;
  renderArticle();
}

const ekey = (e) => `${e.start}:${e.end}:${e.label}`;

function visible(e) {
  const f = S.filters;
  if (!f.labels.includes(e.label)) return false;
  if (f.status && e.status !== f.status) return false;
  if (f.source && e.source !== f.source) return false;
  return true;
}
function visibleEnts() { return S.art ? S.art.record.entities.filter(visible) : []; }
function selected() {
  if (!S.art || !S.sel) return null;
  return S.art.record.entities.find((e) => ekey(e) === S.sel) || null;
}

function renderArticle() {
  if (!S.art) return;
  const a = S.art, r = a.record, m = r.meta || {};
  document.title = (m.title || r.id) + " – Presseschau review";
  $("title").textContent = m.title || r.id;
  $("meta").textContent = [m.outlet, m.published, (m.authors || []).join(", "), m.section, r.id].filter(Boolean).join(" · ");
  $("position").textContent = `${a.position} / ${a.count}`;
  $("prev-article").disabled = !a.prev; $("next-article").disabled = !a.next;
  const p = a.progress;
  $("progress").textContent = `${p.done}/${p.total} reviewed · ${p.accepted} accepted · ${p.corrected} corrected · ${p.rejected} rejected · ${p.pending} pending`;
  $("undo").disabled = !a.can_undo;
  $("accept-all").disabled = !visibleEnts().some((e) => e.status === "pending");
  renderFlags();
  renderText();
  renderPanel();
  renderRemovedList();
}

function renderFlags() {
  const box = clear($("flags"));
  const fl = S.art.flags || [];
  box.hidden = !fl.length;
  if (!fl.length) return;
  box.appendChild(el("strong", {}, `${fl.length} earlier decision(s) could not be re-applied to this run — please check:`));
  const ul = el("ul");
  fl.forEach((f) => {
    ul.appendChild(el("li", { "data-testid": "flag" },
      `${f.decision} ${f.label || ""}${f.new_label && f.new_label !== f.label ? "→" + f.new_label : ""} “${f.text || ""}” `,
      el("span", { class: "muted" }, `(…${(f.before || "").slice(-20)}[${f.text || ""}]${(f.after || "").slice(0, 20)}…) ${f.message} — ${f.reviewer || ""} ${f.time || ""} `),
      el("button", { type: "button", onclick: () => dismiss(f.decision_id) }, "Dismiss")));
  });
  box.appendChild(ul);
}

function renderText() {
  const r = S.art.record, text = r.text;
  const ents = visibleEnts().map((e) => Object.assign({}, e));
  const sel = selected();
  if (S.draft && sel) {
    const d = ents.find((e) => ekey(e) === S.sel);
    if (d) { d.start = S.draft.start; d.end = S.draft.end; d.draft = true; }
  }
  const cuts = new Set([0, text.length]);
  ents.forEach((e) => { cuts.add(e.start); cuts.add(e.end); });
  const removedAt = {};
  if (S.showRemoved) (r.removed || []).forEach((rm, i) => {
    const at = Math.max(0, Math.min(text.length, rm.clean_at));
    (removedAt[at] = removedAt[at] || []).push(Object.assign({ i }, rm));
    cuts.add(at);
  });
  const pts = [...cuts].sort((x, y) => x - y);
  const box = clear($("text"));
  const frag = document.createDocumentFragment();
  const endsAt = {};
  ents.forEach((e) => { (endsAt[e.end] = endsAt[e.end] || []).push(e); });
  for (let k = 0; k < pts.length; k++) {
    const a = pts[k];
    (removedAt[a] || []).forEach((rm) => {
      const shown = rm.text.replace(/\n/g, "↵");
      const small = rm.text.trim().length <= 2;  // hyphenation, split words: a mark, details on hover
      frag.appendChild(el("span", { class: small ? "removed small" : "removed", title: `removed ${rm.kind}: ${shown}`, contenteditable: "false", "data-testid": "removed" },
        small ? "¬" : `⟦${rm.kind}: ${shown}⟧`));
    });
    if (k === pts.length - 1) break;
    const b = pts[k + 1];
    if (b <= a) continue;
    const cover = ents.filter((e) => e.start <= a && e.end >= b);
    const chunk = text.slice(a, b);
    if (!cover.length) {
      frag.appendChild(el("span", { "data-off": a }, chunk));
    } else {
      // the selected entity on top (so its label and status show), then the innermost
      const isSelE = (x) => (x.draft || ekey(x) === S.sel ? 0 : 1);
      cover.sort((x, y) => isSelE(x) - isSelE(y) || (x.end - x.start) - (y.end - y.start));
      const top = cover[0];
      const isSel = cover.some((e) => ekey(e) === S.sel || (e.draft && S.sel));
      const cls = ["ent", "lab-" + top.label, "st-" + top.status];
      if (cover.length > 1) cls.push("multi");
      if (isSel) cls.push("sel");
      if (top.draft || cover.some((e) => e.draft)) cls.push("draft");
      const key = isSel ? S.sel : ekey(S.art.record.entities.find((x) => ekey(x) === ekey(top)) || top);
      const span = el("span", { class: cls.join(" "), "data-off": a, "data-key": top.draft ? S.sel : key, "data-testid": "ent", title: `${top.label} · ${top.status} · ${top.source}` }, chunk);
      span.addEventListener("click", (ev) => {
        if (String(window.getSelection() || "").length) return;
        const keys = cover.map((e) => (e.draft ? S.sel : ekey(e)));
        const i = keys.indexOf(S.sel);
        select(i >= 0 && keys.length > 1 ? keys[(i + 1) % keys.length] : keys[0]);
        ev.stopPropagation();
      });
      frag.appendChild(span);
    }
    (endsAt[b] || []).forEach((e) => {
      frag.appendChild(el("span", { class: "tag lab-" + e.label + " st-" + e.status, contenteditable: "false", "aria-hidden": "true" }, e.label + (e.status === "accepted" ? " ✓" : e.status === "rejected" ? " ✗" : e.status === "corrected" ? " ✎" : "")));
    });
  }
  box.appendChild(frag);
}

function renderPanel() {
  const e = selected();
  $("panel-empty").hidden = !!e;
  $("panel-entity").hidden = !e;
  $("panel-entity").dataset.key = e ? S.sel : "";
  if (!e) return;
  const text = S.art.record.text;
  const s = S.draft ? S.draft.start : e.start, en = S.draft ? S.draft.end : e.end;
  const lab = $("p-label");
  lab.textContent = e.label; lab.className = "chip lab-" + e.label;
  $("p-status").textContent = e.status; $("p-status").className = "st st-" + e.status;
  $("p-source").textContent = "source: " + e.source + (e.reviewed_by ? " · reviewed by " + e.reviewed_by : "") +
    (e.restored ? " · kept from an earlier review (this run's model does not predict it)" : "");
  $("p-text").textContent = text.slice(s, en);
  const o = $("p-orig");
  if (e.original && (e.original.label !== e.label || e.original.start !== e.start || e.original.end !== e.end || e.original.value !== e.value)) {
    o.hidden = false;
    o.textContent = `was: ${e.original.label} “${e.original.text}”` + (e.original.value != null ? ` = ${e.original.value}` : "");
  } else o.hidden = true;
  const form = clear($("p-values"));
  const fields = e.label === "DATE" ? [["value", "ISO date"]] : e.label === "FIGURE" ? [["value", "number"], ["unit", "unit"], ["about", "about (lemma)"], ["qualifier", "qualifier"], ["event", "event"]] : [["canonical", "canonical name"]];
  fields.forEach(([f, ph]) => {
    const inp = el("input", { name: f, placeholder: ph, "data-testid": "field-" + f });
    inp.value = e[f] === null || e[f] === undefined ? "" : String(e[f]);
    inp.addEventListener("input", () => { $("save").hidden = false; $("cancel").hidden = false; });
    inp.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") { ev.preventDefault(); saveDraft(); }
      else if (ev.key === "Escape") { ev.preventDefault(); inp.blur(); cancelDraft(); }
    });
    form.appendChild(el("label", {}, el("span", { class: "muted" }, f), inp));
  });
  const dirty = !!S.draft;
  $("save").hidden = !dirty; $("cancel").hidden = !dirty;
  $("accept").disabled = e.status === "accepted";
  $("reject").disabled = e.status === "rejected";
  const node = document.querySelector("#text .ent.sel");
  if (node && node.scrollIntoView) {
    const rct = node.getBoundingClientRect();
    if (rct.top < 80 || rct.bottom > window.innerHeight - 20) node.scrollIntoView({ block: "center" });
  }
}

function renderRemovedList() {
  const box = clear($("removed-list"));
  const rm = S.art.record.removed || [];
  box.hidden = !S.showRemoved;
  if (!S.showRemoved) return;
  box.appendChild(el("h3", {}, `Removed furniture (${rm.length})`));
  const ul = el("ul");
  const small = {};
  rm.forEach((x) => {
    if (x.text.trim().length <= 2) { small[x.kind] = (small[x.kind] || 0) + 1; return; }
    ul.appendChild(el("li", {}, el("span", { class: "chip" }, x.kind), " ", el("span", { class: "pre" }, x.text)));
  });
  Object.entries(small).forEach(([k, n]) => ul.appendChild(el("li", { class: "muted" }, el("span", { class: "chip" }, k), ` × ${n} (marked ¬ in the text)`)));
  box.appendChild(ul);
}

/* ------------------------------------------------------------------ selection of entities */
function select(key) {
  S.sel = key; S.draft = null;
  renderText(); renderPanel();
}
function sortedVisible() { return visibleEnts().slice().sort((a, b) => a.start - b.start || a.end - b.end); }
function step(dir) {
  const vs = sortedVisible();
  if (!vs.length) return;
  let i = vs.findIndex((e) => ekey(e) === S.sel);
  i = i < 0 ? (dir > 0 ? 0 : vs.length - 1) : (i + dir + vs.length) % vs.length;
  select(ekey(vs[i]));
}
function selectNext(fromStart) {
  const vs = sortedVisible();
  if (!vs.length) { select(null); return; }
  let i = fromStart ? -1 : vs.findIndex((e) => ekey(e) === S.sel);
  for (let k = 1; k <= vs.length; k++) {
    const e = vs[(i + k) % vs.length];
    if (e.status === "pending") { select(ekey(e)); return; }
  }
  if (fromStart || !S.sel) select(ekey(vs[0]));
  else { renderText(); renderPanel(); flash("All shown entities reviewed — N for the next article."); }
}

/* ------------------------------------------------------------------ decisions */
async function post(action, body) {
  if (S.busy) { flash("one moment…"); return null; }
  S.busy = true;
  document.body.dataset.busy = "1";
  try {
    const a = await api(`/api/articles/${encodeURIComponent(S.art.record.id)}/${action}`, body || {});
    setArticle(a);
    refreshOverall();
    return a;
  } catch (e) {
    flash(e.message, true);
    if (e.status === 409) {  // stale view (another tab, a re-run): show the article as it is now
      try { setArticle(await api("/api/articles/" + encodeURIComponent(S.art.record.id))); } catch (e2) { /* keep */ }
    }
    return null;
  } finally { S.busy = false; document.body.dataset.busy = "0"; }
}
function entRef(e) { return { start: e.start, end: e.end, label: e.label }; }

async function decideSel(kind) {
  const e = selected();
  if (!e) return;
  if (kind === "accept" && S.draft) {  // accepting moved boundaries = saving them
    await saveDraft();
    if (!S.draft) selectNext(false);
    return;
  }
  const a = await post("decide", { action: kind, entity: entRef(e) });
  if (a) { flash(kind === "accept" ? "Accepted" : "Rejected"); S.draft = null; selectNext(false); }
}

async function relabel(label) {
  const e = selected();
  if (!e) return;
  if (label === e.label && !S.draft) return;
  const nw = { label };
  if (S.draft) { nw.start = S.draft.start; nw.end = S.draft.end; }
  const a = await post("decide", { action: "correct", entity: entRef(e), new: nw });
  if (a) { S.draft = null; S.sel = `${nw.start ?? e.start}:${nw.end ?? e.end}:${label}`; renderText(); renderPanel(); flash("Label → " + label); }
}

function moveBoundary(which, d) {
  const e = selected();
  if (!e) return;
  const text = S.art.record.text;
  const dr = S.draft || { start: e.start, end: e.end };
  if (which === "start") dr.start = Math.max(0, Math.min(dr.end - 1, dr.start + d));
  else dr.end = Math.min(text.length, Math.max(dr.start + 1, dr.end + d));
  S.draft = dr;
  renderText(); renderPanel();
}

async function saveDraft() {
  const e = selected();
  if (!e) return;
  const nw = {};
  if (S.draft) { nw.start = S.draft.start; nw.end = S.draft.end; }
  const form = $("p-values");
  for (const inp of form.querySelectorAll("input")) {
    const v = inp.value.trim();
    const old = e[inp.name] === null || e[inp.name] === undefined ? "" : String(e[inp.name]);
    if (v !== old) nw[inp.name] = v === "" ? null : v;
  }
  if (!Object.keys(nw).length) { cancelDraft(); return; }
  const a = await post("decide", { action: "correct", entity: entRef(e), new: nw });
  if (a) {
    S.sel = `${nw.start ?? e.start}:${nw.end ?? e.end}:${e.label}`; S.draft = null;
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    renderText(); renderPanel(); flash("Corrected");
  }
}
function cancelDraft() { S.draft = null; renderText(); renderPanel(); }

async function acceptAll() {
  const f = S.filters;
  const labels = f.labels.length === LABELS.length ? null : f.labels;
  if (f.status && f.status !== "pending") return;
  const a = await post("accept_all", { labels, sources: f.source ? [f.source] : null });
  if (a) flash("Accepted all remaining");
}
async function undo() {
  const a = await post("undo", {});
  if (a) { flash("Undone"); if (!selected()) selectNext(true); else { renderText(); renderPanel(); } }
}
async function dismiss(id) { const a = await post("dismiss", { decision_id: id }); if (a) flash("Dismissed"); }

function gotoArticle(d) {
  if (!S.art) return;
  const id = d > 0 ? S.art.next : S.art.prev;
  if (id) location.hash = "#/a/" + encodeURIComponent(id);
  else flash(d > 0 ? "Last article" : "First article");
}

/* ------------------------------------------------------------------ adding by selection */
function offsetOf(node, off) {
  // map a DOM (node, offset) inside #text to a clean-text offset
  let n = node;
  if (n.nodeType === Node.ELEMENT_NODE) {
    if (off < n.childNodes.length) { n = n.childNodes[off]; off = 0; }
    else { const last = n.lastChild; if (!last) return null; n = last; off = (last.textContent || "").length; }
  }
  let elm = n.nodeType === Node.TEXT_NODE ? n.parentElement : n;
  if (!elm || !$("text").contains(elm)) return null;
  if (elm.dataset && elm.dataset.off !== undefined) return Number(elm.dataset.off) + off;
  // inside a tag / removed marker: snap to the next text chunk
  let sib = elm;
  while (sib && !(sib.dataset && sib.dataset.off !== undefined)) sib = sib.nextElementSibling;
  return sib ? Number(sib.dataset.off) : S.art.record.text.length;
}

function currentSelection() {
  const s = window.getSelection();
  if (!s || s.rangeCount === 0 || s.isCollapsed || !S.art) return null;
  const rg = s.getRangeAt(0);
  if (!$("text").contains(rg.commonAncestorContainer)) return null;
  let a = offsetOf(rg.startContainer, rg.startOffset), b = offsetOf(rg.endContainer, rg.endOffset);
  if (a === null || b === null) return null;
  if (a > b) [a, b] = [b, a];
  const text = S.art.record.text;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (b <= a) return null;
  return { start: a, end: b, text: text.slice(a, b) };
}
function onTextSelect() { showAddBar(currentSelection()); }
function onSelectionChange() { if (S.view === "article" && S.pendingSel && !currentSelection()) showAddBar(null); }
function showAddBar(sel) {
  S.pendingSel = sel;
  $("add-bar").hidden = !sel;
  if (sel) $("add-text").textContent = sel.text;
}
async function addSelection(label) {
  const sel = S.pendingSel || currentSelection();
  if (!sel) return;
  const a = await post("decide", { action: "add", new: { start: sel.start, end: sel.end, label } });
  if (a) {
    window.getSelection().removeAllRanges(); showAddBar(null);
    if (!S.filters.labels.includes(label)) { S.filters.labels.push(label); saveFilters(); }
    select(`${sel.start}:${sel.end}:${label}`); flash(`Added ${label}`);
  }
}

/* ------------------------------------------------------------------ keyboard */
function onKey(ev) {
  const t = ev.target;
  const typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
  if (typing && t.type !== "checkbox") return;
  if (!$("help").hidden && (ev.key === "Escape" || ev.key === "?")) { toggleHelp(); ev.preventDefault(); return; }
  if (ev.key === "?") { toggleHelp(); ev.preventDefault(); return; }
  if (S.view === "list") return listKey(ev);
  if (S.view !== "article" || !S.art) return;
  const k = ev.key, ctrl = ev.ctrlKey || ev.metaKey;
  if (ctrl && (k === "z" || k === "Z")) { ev.preventDefault(); undo(); return; }
  if (ctrl) return;
  const digit = /^[1-6]$/.test(k) ? LABELS[Number(k) - 1] : null;
  if (digit) {
    ev.preventDefault();
    const sel = S.pendingSel || currentSelection();
    if (sel) addSelection(digit); else relabel(digit);
    return;
  }
  const arrows = k === "ArrowLeft" || k === "ArrowRight";
  if (arrows && (ev.altKey || ev.shiftKey) && !selected()) return;  // leave the browser's own text selection alone
  if (ev.altKey && arrows) { ev.preventDefault(); moveBoundary("start", k === "ArrowLeft" ? -1 : 1); return; }
  if (ev.shiftKey && arrows) { ev.preventDefault(); moveBoundary("end", k === "ArrowLeft" ? -1 : 1); return; }
  switch (k) {
    case "a": ev.preventDefault(); decideSel("accept"); break;
    case "A": ev.preventDefault(); acceptAll(); break;
    case "x": case "X": case "r": ev.preventDefault(); decideSel("reject"); break;
    case "j": case "ArrowRight": case " ": ev.preventDefault(); step(1); break;
    case "k": case "ArrowLeft": ev.preventDefault(); step(-1); break;
    case "Tab": ev.preventDefault(); step(ev.shiftKey ? -1 : 1); break;
    case "u": case "Backspace": ev.preventDefault(); undo(); break;
    case "n": case "N": case "PageDown": ev.preventDefault(); gotoArticle(1); break;
    case "p": case "P": case "PageUp": ev.preventDefault(); gotoArticle(-1); break;
    case "f": case "F": ev.preventDefault(); $("show-removed").click(); break;
    case "e": case "E": { const i = $("p-values").querySelector("input"); if (i && selected()) { ev.preventDefault(); i.focus(); i.select(); } break; }
    case "Enter": if (S.draft) { ev.preventDefault(); saveDraft(); } break;
    case "Escape":
      ev.preventDefault();
      if (S.draft) cancelDraft();
      else if (S.pendingSel) { window.getSelection().removeAllRanges(); showAddBar(null); }
      else location.hash = "#/";
      break;
    default: break;
  }
}

function listKey(ev) {
  const rows = [...document.querySelectorAll("#articles tbody tr")];
  if (!rows.length) return;
  let i = rows.indexOf(document.activeElement);
  if (ev.key === "j" || ev.key === "ArrowDown") { ev.preventDefault(); rows[Math.min(rows.length - 1, i + 1)].focus(); }
  else if (ev.key === "k" || ev.key === "ArrowUp") { ev.preventDefault(); rows[Math.max(0, i - 1)].focus(); }
  else if (ev.key === "Enter") {
    ev.preventDefault();
    const row = i >= 0 ? rows[i] : rows.find((r) => r.dataset.id === S.resume) || rows.find((r) => !r.classList.contains("done")) || rows[0];
    location.hash = "#/a/" + encodeURIComponent(row.dataset.id);
  }
}
