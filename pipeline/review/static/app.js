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
  list: loadList(),    // the article list's search, filters, sort and page
  total: 0,
  snap: localStorage.getItem("ps.snap") !== "0",
  drag: null,          // {which} while a boundary handle is dragged
  confirmCb: null,
  sheetClosed: false,  // narrow screen: the entity panel (a bottom sheet) hidden to read the text
};
const PAGE = 50;

function loadList() {
  const d = { q: "", outlet: "", status: "", label: "", from: "", to: "", sort: "n", order: "asc", offset: 0 };
  try { return Object.assign(d, JSON.parse(localStorage.getItem("ps.list") || "{}")); } catch (e) { return d; }
}
function saveList() { localStorage.setItem("ps.list", JSON.stringify(S.list)); }

function loadFilters() {
  try {
    const f = JSON.parse(localStorage.getItem("ps.filters") || "{}");
    return { labels: Array.isArray(f.labels) ? f.labels : null, status: f.status || "", source: f.source || "" };
  } catch (e) {
    return { labels: null, status: "", source: "" };
  }
}
function saveFilters() { localStorage.setItem("ps.filters", JSON.stringify(S.filters)); }

// the selected entity of the open article, kept for this tab (sessionStorage), so a reload
// selects it again instead of the article's first pending entity
function saveSel() {
  if (!S.art) return;
  try { sessionStorage.setItem("ps.sel", JSON.stringify({ id: S.art.record.id, key: S.sel })); } catch (e) { /* storage off: not kept */ }
}
function keptSel(id) {
  try { const k = JSON.parse(sessionStorage.getItem("ps.sel") || "null"); return k && k.id === id ? k.key : null; } catch (e) { return null; }
}

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
  $("apply-all").addEventListener("click", applyAll);
  $("panel-close").addEventListener("click", () => hideSheet());
  $("panel-open").addEventListener("click", () => { showSheet(true); renderPanel(); $("panel-close").focus(); });
  placeDecisionButtons();
  window.matchMedia(NARROW).addEventListener("change", placeDecisionButtons);
  $("reselect").addEventListener("click", reselect);
  $("confirm-ok").addEventListener("click", () => closeConfirm(true));
  $("confirm-cancel").addEventListener("click", () => closeConfirm(false));
  $("snap").checked = S.snap;
  $("snap").addEventListener("change", (e) => { S.snap = e.target.checked; localStorage.setItem("ps.snap", S.snap ? "1" : "0"); onTextSelect(); });
  initListControls();
  document.addEventListener("pointermove", onDrag);
  document.addEventListener("pointerup", endDrag);
  document.addEventListener("pointercancel", endDrag);
  $("s-left").addEventListener("click", () => moveBoundary("start", -1));
  $("s-right").addEventListener("click", () => moveBoundary("start", 1));
  $("e-left").addEventListener("click", () => moveBoundary("end", -1));
  $("e-right").addEventListener("click", () => moveBoundary("end", 1));
  // the first requests go out together: the list page, when the list is what opens, does not
  // wait for the header's numbers (each round trip in a row was ~1/3 of the time to first rows)
  S.boot = { state: api("/api/state"), facets: api("/api/facets") };
  if (!/^#\/a\//.test(location.hash)) { const url = listUrl(); S.boot.list = { url, res: api(url) }; }
  S.boot.state.catch(() => {}); S.boot.facets.catch(() => {}); if (S.boot.list) S.boot.list.res.catch(() => {});
  let st = null;
  try {
    st = await S.boot.state;
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
  $("text").addEventListener("touchend", laterTouchSelect);
  document.addEventListener("pointerdown", (ev) => { touchUI = ev.pointerType !== "mouse"; }, true);
  document.addEventListener("selectionchange", onSelectionChange);
  document.addEventListener("keydown", onKey);
  // a button or checkbox clicked with the mouse or a finger does not keep the focus: Space and Tab go on
  // stepping through the entities after it (on one focused from the keyboard they press it / move on: onKey)
  document.addEventListener("click", (ev) => {
    const c = ev.detail > 0 && ev.target.closest && ev.target.closest("button, summary, input[type=checkbox]");
    if (c && c === document.activeElement) c.blur();
  });
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
const LIST_FIELDS = ["q", "outlet", "status", "label", "from", "to", "sort", "order"];

function initListControls() {
  LIST_FIELDS.forEach((f) => {
    const inp = $("l-" + f);
    inp.value = S.list[f] || "";
    const ev = inp.tagName === "SELECT" ? "change" : "input";
    let timer = null;
    inp.addEventListener(ev, () => {
      clearTimeout(timer);
      timer = setTimeout(() => { S.list[f] = inp.value.trim(); S.list.offset = 0; saveList(); loadListPage().catch((e) => flash(e.message, true)); }, ev === "input" ? 200 : 0);
    });
  });
  $("list-controls").addEventListener("submit", (e) => e.preventDefault());
  $("pg-prev").addEventListener("click", () => page(-1));
  $("pg-next").addEventListener("click", () => page(1));
  $("team").addEventListener("toggle", () => { if ($("team").open) loadTeam(); });
}

function page(d) {
  const off = Math.max(0, S.list.offset + d * PAGE);
  if (off >= S.total && d > 0) return;
  S.list.offset = off; saveList(); loadListPage().catch((e) => flash(e.message, true));
}

async function openList() {
  S.view = "list"; S.art = null;
  $("article-view").hidden = true; $("list-view").hidden = false;
  document.title = "Presseschau review";
  try {
    const rows = loadListPage();  // the page of rows does not wait for the header's numbers
    const [st, facets] = await Promise.all([boot("state") || api("/api/state"), boot("facets") || api("/api/facets")]);
    S.resume = st.resume;
    renderOverall(st);
    fillSelect($("l-outlet"), facets.outlets.map(([o, n]) => [o, `${o} (${n})`]), S.list.outlet);
    fillSelect($("l-label"), facets.labels.map((l) => [l, l]), S.list.label);
    $("resume").hidden = !st.resume;
    if (st.resume) { $("resume-link").href = "#/a/" + encodeURIComponent(st.resume); $("resume-link").textContent = "Resume reviewing: " + (st.resume_title || st.resume) + " →"; }
    renderOrphans(st);
    await rows;
    if ($("team").open) loadTeam();
  } catch (e) { flash(e.message, true); }
}

// decisions placed in no article (their article left the output, or its hash is shared by several
// articles and the decision fits none or several): listed with the reason, each withdrawable
function renderOrphans(st) {
  const box = clear($("orphans"));
  const os = st.orphans || [];
  const gone = st.withdrawn || [];
  box.hidden = !os.length && !gone.length;
  if (os.length) {
    box.appendChild(el("strong", {}, `${os.length} decision(s) fit no article of this output (kept in the log):`));
    const ul = el("ul");
    os.forEach((f) => ul.appendChild(el("li", { "data-testid": "orphan" },
      `${f.article_id}: ${f.decision} ${f.label || ""} “${f.text || ""}” `,
      el("span", { class: "muted" }, `${f.message || ""} — ${f.reviewer || ""} ${f.time || ""} `),
      el("button", { type: "button", "data-testid": "orphan-dismiss", onclick: () => dismissOrphan(f.decision_id) }, "Withdraw"))));
    box.appendChild(ul);
  }
  if (gone.length) {
    // withdrawn ones stay listed, with Undo: a withdraw is taken back as any decision
    const det = el("details", { "data-testid": "withdrawn" }, el("summary", {}, `${gone.length} withdrawn`));
    const ul = el("ul");
    gone.forEach((f) => ul.appendChild(el("li", { "data-testid": "withdrawn-orphan" },
      `${f.article_id}: ${f.decision} ${f.label || ""} “${f.text || ""}” `,
      el("button", { type: "button", "data-testid": "orphan-undo", onclick: () => undoWithdraw(f.decision_id) }, "Undo"))));
    det.appendChild(ul);
    box.appendChild(det);
  }
}

async function undoWithdraw(id) {
  try {
    const st = await api("/api/orphans/undo", { decision_id: id });
    renderOrphans(st); renderOverall(st); flash("Listed again");
  } catch (e) {
    flash(e.message, true);
    api("/api/state").then((st) => { renderOrphans(st); renderOverall(st); }).catch(() => {});
  }
}

async function dismissOrphan(id) {
  try {
    const st = await api("/api/orphans/dismiss", { decision_id: id });
    renderOrphans(st); renderOverall(st); flash("Withdrawn");
  } catch (e) {
    flash(e.message, true);
    api("/api/state").then((st) => { renderOrphans(st); renderOverall(st); }).catch(() => {});
  }
}

function fillSelect(sel, items, value) {
  while (sel.options.length > 1) sel.remove(1);
  items.forEach(([v, t]) => sel.appendChild(el("option", { value: v }, t)));
  sel.value = value || "";
}

function boot(k) { const b = S.boot && S.boot[k]; if (S.boot) delete S.boot[k]; return b || null; }
function listUrl() {
  const qs = new URLSearchParams();
  LIST_FIELDS.forEach((f) => { if (S.list[f]) qs.set(f, S.list[f]); });
  qs.set("offset", S.list.offset); qs.set("limit", PAGE);
  return "/api/articles?" + qs.toString();
}
async function loadListPage() {
  const t0 = performance.now();
  const url = listUrl(), pre = boot("list");
  const res = await (pre && pre.url === url ? pre.res : api(url));
  // answers can arrive out of order (the first page still loading when a filter is chosen): only
  // the answer for the list the controls ask for now is drawn, a late one for an older query is dropped
  if (S.view !== "list" || url !== listUrl()) return;
  S.articles = res.items; S.total = res.total;
  if (res.total && S.list.offset >= res.total) { S.list.offset = Math.floor((res.total - 1) / PAGE) * PAGE; saveList(); return loadListPage(); }
  const tb = clear($("articles").querySelector("tbody"));
  const frag = document.createDocumentFragment();
  res.items.forEach((a) => {
    const p = a.progress;
    const pct = p.total ? Math.round(100 * p.done / p.total) : 100;
    const bar = el("span", { class: "bar", title: `${p.done}/${p.total} reviewed` }, el("span", { class: "fill" }));
    bar.firstChild.style.width = pct + "%";
    const warn = (a.flags || 0) + (a.conflicts || 0);
    const tr = el("tr", { class: p.pending === 0 ? "done" : "", "data-id": a.id, "data-testid": "article-row", tabindex: "0" },
      el("td", {}, a.n),
      el("td", {}, el("a", { href: "#/a/" + encodeURIComponent(a.id) }, a.title || a.id)),
      el("td", {}, a.outlet || ""),
      el("td", {}, a.published || ""),
      el("td", {}, bar, ` ${p.done}/${p.total}`),
      el("td", { class: "num" }, p.pending),
      el("td", { class: warn ? "num warn" : "num", title: `${a.flags} flagged, ${a.conflicts} conflicts` }, warn ? (a.conflicts ? `${warn} ⚠` : warn) : ""));
    tr.addEventListener("dblclick", () => { location.hash = "#/a/" + encodeURIComponent(a.id); });
    frag.appendChild(tr);
  });
  tb.appendChild(frag);
  const a = res.total ? S.list.offset + 1 : 0, b = S.list.offset + res.items.length;
  $("pg-info").textContent = `${a}–${b} of ${res.total}` + (res.total !== res.articles ? ` (of ${res.articles} articles)` : "");
  $("pg-prev").disabled = S.list.offset === 0;
  $("pg-next").disabled = b >= res.total;
  document.body.dataset.listMs = String(Math.round(performance.now() - t0));
  // from the start of the navigation to these rows drawn (once per page load: `bench_review.py`)
  if (!document.body.dataset.firstRowsMs) document.body.dataset.firstRowsMs = String(Math.round(performance.now()));
}

async function loadTeam() {
  const box = clear($("team-body"));
  try {
    const t = await api("/api/team");
    box.appendChild(el("p", {}, `${t.conflicts.length} open conflict(s) — filter the list by “conflicts” to review them.`));
    const ul = el("ul", { "data-testid": "team-conflicts" });
    t.conflicts.slice(0, 50).forEach((c) => ul.appendChild(el("li", {},
      el("a", { href: "#/a/" + encodeURIComponent(c.article_id) }, `${c.article_id}`), ` “${c.text}” ${c.label}: `,
      c.positions.map((p) => `${p.reviewer} ${p.says}`).join(" · "))));
    box.appendChild(ul);
    if (!t.agreement.length) { box.appendChild(el("p", { class: "muted" }, "No article has been reviewed by two reviewers yet.")); return; }
    const f = (x) => (x === null || x === undefined ? "–" : x.toFixed(3));
    const tbl = el("table", { class: "agreement", "data-testid": "agreement" },
      el("thead", {}, el("tr", {}, ...["reviewers", "articles", "spans both decided", "agreement", "Cohen's κ", "span F1"].map((h) => el("th", {}, h)))));
    const tb = el("tbody");
    t.agreement.forEach((r) => tb.appendChild(el("tr", {}, el("td", {}, r.reviewers.join(" / ")), el("td", { class: "num" }, r.articles),
      el("td", { class: "num" }, r.spans_both), el("td", { class: "num" }, f(r.observed)), el("td", { class: "num" }, f(r.kappa)), el("td", { class: "num" }, f(r.span_f1)))));
    tbl.appendChild(tb);
    box.appendChild(tbl);
  } catch (e) { box.appendChild(el("p", { class: "bad" }, e.message)); }
}

function refreshOverall() { api("/api/state").then(renderOverall).catch(() => {}); }

function renderOverall(st) {
  const p = st.progress;
  const box = clear($("overall"));
  box.appendChild(document.createTextNode(`${st.articles} articles · ${p.done}/${p.total} entities reviewed · ${st.decisions} decisions` + (st.flags ? ` · ${st.flags} flagged` : "")));
  // the pipeline's output or the log changed on disk and cannot be read: say so, and that the
  // articles shown are those read before (the server keeps serving them)
  if (st.load_error) box.appendChild(el("span", { class: "load-error", "data-testid": "load-error" }, ` · cannot re-read: ${st.load_error}; showing what was read before`));
}

/* ------------------------------------------------------------------ article */
async function openArticle(id) {
  S.view = "article";
  $("list-view").hidden = true; $("article-view").hidden = false;
  try {
    const a = localize(await api("/api/articles/" + encodeURIComponent(id)));
    const fresh = !S.art || S.art.record.id !== id;
    const kept = fresh ? keptSel(id) : null;  // read before the render below stores the new selection
    S.art = a;
    if (fresh) { S.sel = null; S.draft = null; S.pendingSel = null; refreshOverall(); }
    renderArticle();
    if (fresh) {
      window.scrollTo(0, 0);
      if (kept && sortedVisible().some((e) => ekey(e) === kept)) select(kept);
      else selectNext(true);
    }
  } catch (e) {
    flash(e.message, true);
    clear($("text")).appendChild(el("p", { class: "bad" }, e.message));
  }
}

function setArticle(a) {
  S.art = localize(a);
  renderArticle();
}

// The server's offsets count Unicode code points (as Python and the JSONL do); a JS string counts
// UTF-16 units, two for a character outside the BMP (an emoji 🎉, 𝑥). The page works in UTF-16
// units throughout: an article's offsets are mapped on arrival (localize) and back to code points
// in every request (cpOut), so a highlight after an emoji sits on its own text.
function localize(a) {
  const text = a.record.text;
  a.toCp = (o) => o;
  if (!/[\uD800-\uDBFF]/.test(text)) return a;
  const u = [], c = new Int32Array(text.length + 1);
  let i = 0;
  for (const ch of text) { c[i] = u.length; if (ch.length === 2) c[i + 1] = u.length; u.push(i); i += ch.length; }
  c[i] = u.length; u.push(i);
  const f = (o) => (typeof o === "number" ? u[Math.max(0, Math.min(o, u.length - 1))] : o);
  const span = (x) => { if (x) { x.start = f(x.start); x.end = f(x.end); } };
  a.record.entities.forEach((e) => { span(e); span(e.original); (e.conflict || []).forEach(span); });
  (a.conflicts || []).forEach(span);
  (a.undone || []).forEach(span);
  (a.record.removed || []).forEach((rm) => { rm.clean_at = f(rm.clean_at); });
  a.words = (a.words || []).map(f);
  a.toCp = (o) => (typeof o === "number" ? c[Math.max(0, Math.min(o, text.length))] : o);
  return a;
}
function cpOut(x) {  // a copy of {start, end, ...} with the offsets in code points, for the server
  const o = Object.assign({}, x);
  if ("start" in o) o.start = S.art.toCp(o.start);
  if ("end" in o) o.end = S.art.toCp(o.end);
  return o;
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
  renderConflicts();
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

function renderConflicts() {
  const box = clear($("conflicts"));
  const cs = S.art.conflicts || [];
  box.hidden = !cs.length;
  if (!cs.length) return;
  box.appendChild(el("strong", {}, `Reviewers disagree on ${cs.length} span(s) — your decision on one settles it:`));
  const ul = el("ul");
  cs.forEach((c) => {
    const li = el("li", { "data-testid": "conflict" }, `“${c.text}” ${c.label}: `, c.positions.map((p) => `${p.reviewer} ${p.says} (${p.decision})`).join(" · "), " ");
    const ent = S.art.record.entities.find((e) => e.start === c.start && e.end === c.end);
    if (ent) li.appendChild(el("button", { type: "button", onclick: () => select(ekey(ent)) }, "Show"));
    ul.appendChild(li);
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
  const hs = sel && visible(sel) ? (S.draft || { start: sel.start, end: sel.end }) : null;  // where the drag handles go
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
    if (hs && a === hs.start) frag.appendChild(handle("start"));
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
      if (cover.some((e) => e.conflict)) cls.push("conflict");
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
    if (hs && b === hs.end) frag.appendChild(handle("end"));
    (endsAt[b] || []).forEach((e) => {
      frag.appendChild(el("span", { class: "tag lab-" + e.label + " st-" + e.status, contenteditable: "false", "aria-hidden": "true" }, e.label + (e.status === "accepted" ? " ✓" : e.status === "rejected" ? " ✗" : e.status === "corrected" ? " ✎" : "") + (e.conflict ? " ⚠" : "")));
    });
  }
  box.appendChild(frag);
}

function renderPanel() {
  const e = selected();
  $("panel-empty").hidden = !!e;
  $("panel-entity").hidden = !e;
  $("panel-entity").dataset.key = e ? S.sel : "";
  saveSel();
  if (!e) return;
  const text = S.art.record.text;
  const s = S.draft ? S.draft.start : e.start, en = S.draft ? S.draft.end : e.end;
  const lab = $("p-label");
  lab.textContent = e.label; lab.className = "chip lab-" + e.label;
  $("p-status").textContent = e.status; $("p-status").className = "st st-" + e.status;
  $("p-source").textContent = "source: " + e.source + (e.reviewed_by ? " · reviewed by " + e.reviewed_by : "") +
    (e.restored ? " · kept from an earlier review (this run's model does not predict it)" : "") +
    (e.changed_since && e.changed_since.length ? " · this run computes another " + e.changed_since.join(", ") + " than the one accepted" : "");
  $("p-text").textContent = text.slice(s, en);
  const o = $("p-orig");
  if (e.original && (e.original.label !== e.label || e.original.start !== e.start || e.original.end !== e.end || e.original.value !== e.value)) {
    o.hidden = false;
    o.textContent = `was: ${e.original.label} “${e.original.text}”` + (e.original.value != null ? ` = ${e.original.value}` : "");
  } else o.hidden = true;
  const pc = clear($("p-conflict"));
  pc.hidden = !e.conflict;
  if (e.conflict) {
    pc.appendChild(el("strong", {}, "Reviewers disagree: "));
    e.conflict.forEach((c) => c.positions.forEach((p) => pc.appendChild(el("div", {}, `${p.reviewer}: ${p.says} (${p.decision}, ${(p.time || "").slice(0, 16).replace("T", " ")})`))));
    pc.appendChild(el("div", { class: "muted" }, "Your decision on it settles the conflict."));
  }
  const form = clear($("p-values"));
  const fields = e.label === "DATE" ? [["value", "ISO 8601: 2022-01-06, P3M, XXXX-WXX-1"], ["type", "date | duration | set (empty: from the value)"]] : e.label === "FIGURE" ? [["value", "number"], ["unit", "unit"], ["about", "about (lemma)"], ["qualifier", "qualifier"], ["event", "event"]] : [["canonical", "canonical name"]];
  fields.forEach(([f, ph]) => {
    const inp = el("input", { name: f, placeholder: ph, "data-testid": "field-" + f });
    inp.value = fieldText(e, f);
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
    if (sheetShown()) {  // narrow: into the middle of the text left above the bottom sheet
      const bottom = $("panel").getBoundingClientRect().top - 8;
      if (rct.top < 80 || rct.bottom > bottom) window.scrollBy(0, (rct.top + rct.bottom) / 2 - (80 + bottom) / 2);
    } else if (rct.top < 80 || rct.bottom > window.innerHeight - 20) node.scrollIntoView({ block: "center" });
  }
}

// a narrow screen shows the panel as a bottom sheet over the text (app.css); Esc or its × hides it
// × or Esc: hidden, its ▲ Panel button (bottom right) brings it back; focus goes there so a keyboard
// user can reopen it with Enter. A pending text selection hides it too (the add bar takes the bottom).
const NARROW = "(max-width: 900px)";
function narrow() { return window.matchMedia(NARROW).matches; }
function sheetShown() { return narrow() && !S.sheetClosed && !S.pendingSel && getComputedStyle($("panel")).position === "fixed"; }
function showSheet(on) { S.sheetClosed = !on; $("layout").classList.toggle("sheet-closed", !on); }
function hideSheet() { showSheet(false); $("panel-open").focus(); }
// the sheet shows its Accept / Reject right below the entity's text: move them there in the page
// itself (not only visually), so Tab and screen readers follow what is shown; back at the end on a wide screen
function placeDecisionButtons() {
  const row = $("panel-entity").querySelector(".buttons");
  if (narrow()) $("p-text").after(row); else $("panel-entity").appendChild(row);
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
  showSheet(true);
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
function entRef(e) { return cpOut({ start: e.start, end: e.end, label: e.label }); }
// the entity as this page shows it: the server refuses the decision if someone changed it
// meanwhile (no silent last-write-wins); on a conflict shown here, the decision settles it
function entBody(e) { return { entity: entRef(e), seen: { status: e.status, reviewed_by: e.reviewed_by || null }, resolve: !!e.conflict }; }

async function decideSel(kind) {
  const e = selected();
  if (!e) return;
  if (kind === "accept" && S.draft) {  // accepting moved boundaries = saving them
    await saveDraft();
    if (!S.draft) selectNext(false);
    return;
  }
  const a = await post("decide", Object.assign({ action: kind }, entBody(e)));
  if (a) { flash(kind === "accept" ? "Accepted" : "Rejected"); S.draft = null; selectNext(false); }
}

async function relabel(label) {
  const e = selected();
  if (!e) return;
  if (label === e.label && !S.draft) return;
  const nw = { label };
  if (S.draft) { nw.start = S.draft.start; nw.end = S.draft.end; }
  const a = await post("decide", Object.assign({ action: "correct", new: cpOut(nw), subword: !!(S.draft && S.draft.subword) }, entBody(e)));
  if (a) { S.draft = null; S.sel = `${nw.start ?? e.start}:${nw.end ?? e.end}:${label}`; renderText(); renderPanel(); flash("Label → " + label); }
}

function moveBoundary(which, d) {
  // snapping on: one word per key (never a partial word); off: one character (a sub-word)
  const e = selected();
  if (!e) return;
  const text = S.art.record.text;
  const dr = S.draft || { start: e.start, end: e.end };
  if (S.snap) {
    if (which === "start") { const a = stepWord(dr.start, d, 0); if (a < dr.end) dr.start = a; }
    else { const b = stepWord(dr.end, d, 1); if (b > dr.start) dr.end = b; }
  } else if (which === "start") dr.start = Math.max(0, Math.min(dr.end - 1, dr.start + d));
  else dr.end = Math.min(text.length, Math.max(dr.start + 1, dr.end + d));
  dr.subword = !onWords(dr.start, dr.end);
  S.draft = (dr.start === e.start && dr.end === e.end) ? null : dr;
  renderText(); renderPanel();
}

// a field's value as the edit form shows it; a FIGURE's number with a decimal comma, as the server
// reads what is typed there (German: "1.375" is 1375): shown as "1.375", 1.375 came back as 1375
function fieldText(e, f) {
  const v = e[f];
  if (v === null || v === undefined) return "";
  return f === "value" && e.label === "FIGURE" && typeof v === "number" ? String(v).replace(".", ",") : String(v);
}
async function saveDraft() {
  const e = selected();
  if (!e) return;
  const nw = {};
  if (S.draft) { nw.start = S.draft.start; nw.end = S.draft.end; }
  const form = $("p-values");
  for (const inp of form.querySelectorAll("input")) {
    const v = inp.value.trim();
    const old = fieldText(e, inp.name);
    if (v !== old) nw[inp.name] = v === "" ? null : v;
  }
  if (!Object.keys(nw).length) { cancelDraft(); return; }
  const a = await post("decide", Object.assign({ action: "correct", new: cpOut(nw), subword: !!(S.draft && S.draft.subword) }, entBody(e)));
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
  const n = visibleEnts().filter((e) => e.status === "pending").length;
  if (!n) { flash("Nothing pending is shown"); return; }
  // never in one key press (Shift+A, or Caps Lock and a): the reviewer confirms the number
  const ok = await askConfirm(`Accept all ${n} remaining shown ${n === 1 ? "entity" : "entities"}` + (labels ? ` (${labels.join(", ")})` : "") + "?");
  if (!ok) { flash("Nothing accepted"); return; }
  const a = await post("accept_all", { labels, sources: f.source ? [f.source] : null, expect: n });
  if (a) {
    const k = (a.skipped || []).length;
    flash(k ? `Accepted ${n - k} — U undoes them all; ${k} left pending: ${a.skipped.map((e) => `“${e.text}”`).join(", ")} overlap an entity kept`
      : `Accepted ${n} — U undoes them all`);
  }
}

async function applyAll() {
  const e = selected();
  if (!e || S.busy) return;
  const scope = $("apply-corpus").checked ? "corpus" : "article";
  const body = Object.assign({ scope }, entBody(e));
  let dry;
  try { dry = await api(`/api/articles/${encodeURIComponent(S.art.record.id)}/apply_all`, Object.assign({ dry_run: true }, body)); } catch (err) { flash(err.message, true); return; }
  if (!dry.decisions) { flash(`No other mention of “${e.text}” to change`); return; }
  const what = e.status === "rejected" ? `reject “${e.text}” as ${e.label}` : `make “${e.text}” ${e.label}`;
  if (scope === "corpus" || dry.decisions > 20) {
    const ok = await askConfirm(`${what[0].toUpperCase() + what.slice(1)} at ${dry.mentions} more mention(s) in ${dry.articles} article(s) (${dry.decisions} decisions, one undo)?`);
    if (!ok) return;
  }
  const a = await post("apply_all", body);
  if (a && a.applied) { flash(`${a.applied.decisions} decision(s) in ${a.applied.articles} article(s) — U undoes them as one`); renderText(); renderPanel(); }
}

function askConfirm(text) {
  return new Promise((resolve) => {
    $("confirm-text").textContent = text;
    $("confirm").hidden = false;
    S.confirmCb = resolve;
    $("confirm-ok").focus();
  });
}
function closeConfirm(ok) {
  if (!S.confirmCb) return;
  const cb = S.confirmCb;
  S.confirmCb = null;
  $("confirm").hidden = true;
  cb(ok);
}

/* ------------------------------------------------------------------ boundaries: handles, re-selection, snapping */
// The words come from the server with the article (`words`: [s0, e0, s1, e1, ...], made by
// pipeline/review/words.py from the pipeline's tokenizer or the record's own tokens): the same
// boundaries the server checks a new span against. Snapping widens a span to whole words;
// without snapping (Alt, or W off) any character goes and the decision says `subword: true`.
function wordAt(i) {  // index k of the word holding character i (words[2k] <= i < words[2k+1]), or -1
  const w = (S.art && S.art.words) || [];
  let lo = 0, hi = w.length / 2 - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (w[2 * m + 1] <= i) lo = m + 1; else if (w[2 * m] > i) hi = m - 1; else return m;
  }
  return -1;
}
function snapSpan(a, b, noSnap) {
  const text = S.art.record.text, w = S.art.words || [];
  if (S.snap && !noSnap) {
    const ka = wordAt(a), kb = wordAt(b - 1);
    if (ka >= 0) a = w[2 * ka];
    if (kb >= 0) b = w[2 * kb + 1];
  }
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return [a, b];
}
function onWords(a, b) {  // does [a, b) keep every word whole?
  const w = S.art.words || [];
  const ka = wordAt(a), kb = wordAt(b - 1);
  return (ka < 0 || w[2 * ka] === a) && (kb < 0 || w[2 * kb + 1] === b);
}
// the next word start (edge 0) or end (edge 1) after (d > 0) or before offset i; words of
// punctuation only ("-", ".") are stepped over: Alt+→ on "Kassym-Jomart" goes to "Jomart"
function stepWord(i, d, edge) {
  const w = S.art.words || [], text = S.art.record.text, n = w.length / 2;
  const ok = (k) => WORDCH.test(text.slice(w[2 * k], w[2 * k + 1]));
  if (d > 0) { for (let k = 0; k < n; k++) if (w[2 * k + edge] > i && ok(k)) return w[2 * k + edge]; return i; }
  for (let k = n - 1; k >= 0; k--) if (w[2 * k + edge] < i && ok(k)) return w[2 * k + edge];
  return i;
}
const WORDCH = /[\p{L}\p{N}]/u;

function handle(which) {
  return el("span", {
    class: "handle h-" + which, contenteditable: "false", "aria-hidden": "true", "data-testid": "handle-" + which,
    title: `Drag to move the ${which} (snaps to words; hold Alt for any character)`,
    // Pointer Events: a mouse, a finger and a pen all drag it (the mousedown is still stopped: no text
    // selection, no click through to the entity). The page must not scroll under the finger: app.css
    // says `touch-action: none`, but Chromium ignores it on an inline box (the handle and its bars), so
    // the touchstart is cancelled too (a listener on the span itself: not passive). app.css also gives
    // a coarse pointer a larger target.
    onpointerdown: (ev) => startDrag(ev, which),
    onmousedown: (ev) => { ev.preventDefault(); ev.stopPropagation(); },
    ontouchstart: (ev) => { if (ev.cancelable) ev.preventDefault(); },
  });
}

function caretOffset(x, y) {
  let node = null, off = 0;
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    if (p) { node = p.offsetNode; off = p.offset; }
  } else if (document.caretRangeFromPoint) {
    const r = document.caretRangeFromPoint(x, y);
    if (r) { node = r.startContainer; off = r.startOffset; }
  }
  return node ? offsetOf(node, off) : null;
}

let dragFrame = null;
function startDrag(ev, which) {
  if (!ev.isPrimary || S.drag) return;  // a second finger does not take over
  ev.preventDefault(); ev.stopPropagation();
  S.drag = { which, id: ev.pointerId, pt: null };
  // capture on the body, which stays: the handle itself is drawn anew at each move
  try { document.body.setPointerCapture(ev.pointerId); } catch (e) { /* the pointer is gone already */ }
  document.body.classList.add("dragging");
}
function onDrag(ev) {
  if (!S.drag || ev.pointerId !== S.drag.id) return;
  ev.preventDefault();
  S.drag.pt = { x: ev.clientX, y: ev.clientY, alt: ev.altKey };
  if (!dragFrame) dragFrame = requestAnimationFrame(() => { dragFrame = null; dragTo(); });
}
function dragTo() {
  const e = selected(), pt = S.drag && S.drag.pt;
  if (!pt || !e) return;
  const o = caretOffset(pt.x, pt.y);
  if (o === null) return;
  const dr = S.draft || { start: e.start, end: e.end };
  if (S.drag.which === "start") {
    const [a] = snapSpan(Math.min(o, dr.end - 1), dr.end, pt.alt);
    if (a < dr.end) dr.start = a;
  } else {
    const [, b] = snapSpan(dr.start, Math.max(o, dr.start + 1), pt.alt);
    if (b > dr.start) dr.end = b;
  }
  dr.subword = !onWords(dr.start, dr.end);
  S.draft = (dr.start === e.start && dr.end === e.end) ? null : dr;
  renderText(); renderPanel();
}
function endDrag(ev) {
  if (!S.drag || (ev && ev.pointerId !== S.drag.id)) return;
  if (dragFrame) { cancelAnimationFrame(dragFrame); dragFrame = null; dragTo(); }  // a finger lifted right after its last move
  S.drag = null;
  document.body.classList.remove("dragging");
  if (S.draft) flash(touchUI ? "Save keeps the new boundaries, Cancel drops them" : "Enter saves the new boundaries, Esc cancels");
}

async function reselect() {
  const e = selected(), sel = S.pendingSel;
  if (!e || !sel) return;
  window.getSelection().removeAllRanges(); showAddBar(null);
  if (sel.start === e.start && sel.end === e.end) return;
  const a = await post("decide", Object.assign({ action: "correct", new: cpOut({ start: sel.start, end: sel.end }), subword: !!sel.subword }, entBody(e)));
  if (a) { S.sel = `${sel.start}:${sel.end}:${e.label}`; S.draft = null; renderText(); renderPanel(); flash("Boundaries → “" + sel.text + "”"); }
}

async function undo() {
  // the decision this page would take back: refused (409) if another tab or reviewer decided since
  const a = await post("undo", S.art.undo_id ? { expect: S.art.undo_id } : {});
  if (!a) return;
  flash("Undone");
  // select the entity the undo gave back (a batch: the selected one if it is among them, else the
  // first in the text), as it was before the decision; an undone addition gives nothing back
  const back = new Set((S.art.undone || []).map(ekey));
  const mine = sortedVisible().filter((e) => back.has(ekey(e)));
  if (mine.length) select(mine.some((e) => ekey(e) === S.sel) ? S.sel : ekey(mine[0]));
  else if (!selected()) selectNext(true);
  else { renderText(); renderPanel(); }
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
function onTextSelect(ev) { showAddBar(snapped(currentSelection(), ev && ev.altKey)); }
function snapped(sel, noSnap) {
  if (!sel) return null;
  const [a, b] = snapSpan(sel.start, sel.end, noSnap);
  const text = S.art.record.text;
  // a sub-word only when the reviewer asked for one (Alt, or snapping off) and the span cuts a word
  return { start: a, end: b, text: text.slice(a, b), raw: sel.text, from: sel.start + ":" + sel.end, subword: !onWords(a, b) && (!!noSnap || !S.snap) };
}
function onSelectionChange() {
  if (S.view !== "article") return;
  if (S.pendingSel && !currentSelection()) showAddBar(null);
  laterTouchSelect();
}
// A phone or tablet: a long-press selection, and dragging its handles, fire no mouseup / keyup, so
// there the app follows the selection itself, once it has rested a moment: the add bar for a
// selection within one paragraph, none for one over a paragraph's end. A mouse (its last pointerdown)
// keeps the mouseup / keyup way of a desktop. Nothing here changes the selection (no loop with the
// app's own removeAllRanges), and a boundary drag or an open dialog is left alone.
let touchUI = navigator.maxTouchPoints > 0, touchTimer = null;
function laterTouchSelect() {
  if (!touchUI) return;
  clearTimeout(touchTimer);
  touchTimer = setTimeout(touchSelect, 280);
}
function touchSelect() {
  touchTimer = null;
  if (!touchUI || S.view !== "article" || !S.art || S.drag || S.confirmCb) return;
  const cur = currentSelection();
  if (!cur || cur.text.includes("\n")) { if (S.pendingSel) showAddBar(null); return; }
  if (S.pendingSel && S.pendingSel.from === cur.start + ":" + cur.end) return;  // shown already (keyup, W, Alt kept)
  showAddBar(snapped(cur));
}
function showAddBar(sel) {
  S.pendingSel = sel;
  $("add-bar").hidden = !sel;
  $("layout").classList.toggle("sel-pending", !!sel);
  if (!sel) return;
  $("add-text").textContent = sel.text;
  const moved = sel.raw !== undefined && sel.raw !== sel.text;
  $("add-snapped").hidden = !moved;
  if (moved) $("add-snapped").textContent = `(“${sel.raw}” snapped to whole words; hold Alt while selecting, or W, for a sub-word)`;
  const e = selected();
  $("reselect").hidden = !e;
}
async function addSelection(label) {
  const sel = S.pendingSel || snapped(currentSelection());
  if (!sel) return;
  const a = await post("decide", { action: "add", new: cpOut({ start: sel.start, end: sel.end, label }), subword: !!sel.subword });
  if (a) {
    window.getSelection().removeAllRanges(); showAddBar(null);
    if (!S.filters.labels.includes(label)) { S.filters.labels.push(label); saveFilters(); }
    select(`${sel.start}:${sel.end}:${label}`); flash(`Added ${label}`);
  }
}

/* ------------------------------------------------------------------ keyboard */
function onKey(ev) {
  const t = ev.target;
  if (S.confirmCb) {  // the confirm dialog takes every key: Enter confirms, Esc cancels
    if (ev.key === "Enter") { ev.preventDefault(); closeConfirm(true); }
    else if (ev.key === "Escape") { ev.preventDefault(); closeConfirm(false); }
    else if (ev.key !== "Tab") ev.preventDefault();
    return;
  }
  const typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
  if (typing && t.type !== "checkbox") return;
  // a focused button, link or checkbox keeps the keys it answers to itself: Tab / Shift+Tab move the
  // focus on, Space and Enter press it (keyboard users); the other shortcuts still work there (a
  // button clicked with the mouse keeps the focus)
  const control = t && t.closest && t.closest("button, a[href], summary, input[type=checkbox]");
  if (control && (ev.key === "Tab" || ev.key === " " || ev.key === "Enter")) return;
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
    const sel = S.pendingSel || snapped(currentSelection());
    if (sel) addSelection(digit); else relabel(digit);
    return;
  }
  const arrows = k === "ArrowLeft" || k === "ArrowRight";
  if (arrows && (ev.altKey || ev.shiftKey) && !selected()) return;  // leave the browser's own text selection alone
  if (ev.altKey && arrows) { ev.preventDefault(); moveBoundary("start", k === "ArrowLeft" ? -1 : 1); return; }
  if (ev.shiftKey && arrows) { ev.preventDefault(); moveBoundary("end", k === "ArrowLeft" ? -1 : 1); return; }
  switch (k) {
    case "a": ev.preventDefault(); decideSel("accept"); break;
    case "A": ev.preventDefault(); acceptAll(); break;  // Shift+A and Caps Lock+a alike: asks first
    case "m": case "M": ev.preventDefault(); applyAll(); break;
    case "b": case "B": if (S.pendingSel && selected()) { ev.preventDefault(); reselect(); } break;
    case "w": case "W": ev.preventDefault(); $("snap").click(); flash(S.snap ? "Snap to words" : "Any character (sub-word)"); break;
    case "x": case "X": case "r": case "R": ev.preventDefault(); decideSel("reject"); break;
    case "j": case "J": case "ArrowRight": case " ": ev.preventDefault(); step(1); break;
    case "k": case "K": case "ArrowLeft": ev.preventDefault(); step(-1); break;
    case "Tab": ev.preventDefault(); step(ev.shiftKey ? -1 : 1); break;
    case "u": case "U": case "Backspace": ev.preventDefault(); undo(); break;  // J, K, U: also with Caps Lock (the help's capitals)
    case "n": case "N": case "PageDown": ev.preventDefault(); gotoArticle(1); break;
    case "p": case "P": case "PageUp": ev.preventDefault(); gotoArticle(-1); break;
    case "f": case "F": ev.preventDefault(); $("show-removed").click(); break;
    case "e": case "E": { const i = $("p-values").querySelector("input"); if (i && selected()) { ev.preventDefault(); i.focus(); i.select(); } break; }
    case "Enter": if (S.draft) { ev.preventDefault(); saveDraft(); } break;
    case "Escape":
      ev.preventDefault();
      if (S.draft) cancelDraft();
      else if (S.pendingSel) { window.getSelection().removeAllRanges(); showAddBar(null); }
      else if (narrow() && !S.sheetClosed) hideSheet();
      else location.hash = "#/";
      break;
    default: break;
  }
}

function listKey(ev) {
  if (ev.key === "/") { ev.preventDefault(); $("l-q").focus(); return; }
  if (ev.key === "PageDown") { ev.preventDefault(); page(1); return; }
  if (ev.key === "PageUp") { ev.preventDefault(); page(-1); return; }
  const rows = [...document.querySelectorAll("#articles tbody tr")];
  let i = rows.indexOf(document.activeElement);
  if (ev.key === "Enter" && i < 0 && S.resume) { ev.preventDefault(); location.hash = "#/a/" + encodeURIComponent(S.resume); return; }
  if (!rows.length) return;
  if (ev.key === "j" || ev.key === "ArrowDown") { ev.preventDefault(); rows[Math.min(rows.length - 1, i + 1)].focus(); }
  else if (ev.key === "k" || ev.key === "ArrowUp") { ev.preventDefault(); rows[Math.max(0, i - 1)].focus(); }
  else if (ev.key === "Enter") {
    ev.preventDefault();
    const row = i >= 0 ? rows[i] : rows.find((r) => r.dataset.id === S.resume) || rows.find((r) => !r.classList.contains("done")) || rows[0];
    location.hash = "#/a/" + encodeURIComponent(row.dataset.id);
  }
}
