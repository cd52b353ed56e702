/* Presseschau overview: draws what pipeline/review/overview.py computed (no counting here).
 * Two homes: the review app's /overview page (data from /api/overview) and the static file of
 * `presseschau report` (data embedded as <script type="application/json" id="overview-data">,
 * this file and Chart.js inlined). Charts: Chart.js (vendored, chart.umd.min.js, MIT).
 * All data goes into the page as text nodes (never innerHTML).
 */
"use strict";

const NAMES = { PER: "People", ORG: "Organisations", LOC: "Places" };
const NAME_ONE = { PER: "person", ORG: "organisation", LOC: "place" };
const PRECISION_NAMES = { day: "day", week: "week", month: "month", part: "season / quarter", year: "year", decade: "decade", century: "century" };
const PRECISIONS = Object.keys(PRECISION_NAMES);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const STATUSES = ["accepted", "corrected", "pending", "rejected"];
const STATES = { done: "fully reviewed", started: "in progress", not_started: "not started", empty: "no entities" };
const EMBEDDED = document.getElementById("overview-data");
const IN_APP = !EMBEDDED;
let D = null;          // the overview data
let charts = [];       // Chart.js instances, destroyed on re-render

function css(name) { return getComputedStyle(document.documentElement).getPropertyValue("--" + name).trim() || "#888"; }
function alpha(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}
function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") n.className = v;
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? "" : String(v));
  }
  for (const k of kids.flat()) {
    if (k === null || k === undefined || k === false) continue;
    n.appendChild(typeof k === "string" || typeof k === "number" ? document.createTextNode(String(k)) : k);
  }
  return n;
}
function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }
const fmt = (x) => (typeof x === "number" ? x.toLocaleString("de-DE") : x === null || x === undefined ? "" : String(x));
const plural = (n, one, many) => `${fmt(n)} ${n === 1 ? one : many || one + "s"}`;
const short = (s, n) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

function article(id) {
  const a = D.articles[id] || { title: id };
  const title = a.title || id;
  if (IN_APP) return el("a", { href: "/#/a/" + encodeURIComponent(id), title: id }, title);
  return el("span", { title: id }, title);
}
function articleList(pairs, max, total) {
  const ul = el("ul");
  pairs.slice(0, max).forEach(([id, c]) => ul.appendChild(el("li", {}, article(id), el("span", { class: "muted" }, ` × ${c}`))));
  const more = (total || pairs.length) - Math.min(max, pairs.length);
  return [ul, more > 0 ? el("p", { class: "muted small" }, `… and ${plural(more, "more article")}`) : null];
}
function forms(pairs) {
  return el("p", { class: "forms small" }, el("span", { class: "muted" }, "written as: "), pairs.map(([f, c]) => el("q", {}, `${f} (${c})`)));
}
function chart(canvas, config) {
  const c = new Chart(canvas, config);
  charts.push(c);
  return c;
}

// ---------------------------------------------------------------- a sortable, filterable table
// `rows`: every row (the report), or with `remote` (the app: {table, total}) the first rows, the
// server filtering, sorting and paging the rest (GET /api/overview/rows, overview.table_page)
function table({ columns, rows, pageSize = 50, search = true, testid, sort = null, remote = null }) {
  const state = { key: sort ? sort[0] : null, desc: sort ? sort[1] : false, q: "", shown: pageSize };
  // `cursor`: where the loaded rows end (the server's `next`); *show more* asks for the rows after
  // it, so a decision made meanwhile in another tab neither skips a row nor shows one twice
  // `total`: the table's rows before the filter; the server says it with every page (a decision in
  // another tab adds or takes away rows after the page came)
  let loaded = rows, matched = remote ? remote.total : rows.length, seq = 0, failed = null, cursor = remote ? remote.next || null : null;
  let total = remote ? remote.total : rows.length;
  const thead = el("tr");
  const tbody = el("tbody");
  const info = el("span");
  const moreBtn = el("button", { type: "button", onclick: () => { state.shown += pageSize * 4; draw(true); } }, "show more");
  const text = (r) => columns.map((c) => String(c.value(r) ?? "")).join(" ").toLowerCase();
  columns.forEach((c) => {
    const th = el("th", { class: c.num ? "num" : "", "data-key": c.key, title: "sort" }, c.title);
    th.addEventListener("click", () => {
      state.desc = state.key === c.key ? !state.desc : !!c.num;
      state.key = c.key;
      draw();
    });
    thead.appendChild(th);
  });
  async function fetchRows(offset, limit, after) {
    const qs = new URLSearchParams({ table: remote.table, limit });
    if (after) qs.set("after", JSON.stringify(after));
    else qs.set("offset", offset);
    if (state.q) qs.set("q", state.q);
    if (state.key) { qs.set("sort", state.key); qs.set("order", state.desc ? "desc" : "asc"); }
    if (D.reviewed_only) qs.set("reviewed_only", "1");
    const r = await fetch("/api/overview/rows?" + qs, { headers: { Accept: "application/json" } });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(data.error || r.statusText);
    Object.assign(D.articles, data.articles);
    return data;
  }
  function fetchDraw(offset, limit, after) {
    const my = ++seq;
    fetchRows(offset, limit, after).then((data) => {
      if (my !== seq) return;  // a newer filter or sort was asked for meanwhile
      loaded = offset || after ? loaded.concat(data.rows) : data.rows;
      cursor = data.next || null;
      matched = data.matched;
      if (Number.isInteger(data.total)) total = data.total;
      failed = null;
      paint(loaded);
    }).catch((e) => { if (my === seq) { failed = e.message; paint(loaded); } });
  }
  function draw(more) {
    if (remote) {
      if (more) fetchDraw(loaded.length, state.shown - loaded.length, cursor);
      else fetchDraw(0, Math.min(state.shown, 500));  // the server's most rows per request
      return;
    }
    let rs = rows;
    if (state.q) rs = rs.filter((r) => text(r).includes(state.q));
    if (state.key) {
      const col = columns.find((c) => c.key === state.key);
      const v = (r) => col.value(r);
      rs = rs.slice().sort((a, b) => {
        const x = v(a), y = v(b);
        if (x === y) return 0;
        if (x === null || x === undefined || x === "") return 1;  // blanks last, either way
        if (y === null || y === undefined || y === "") return -1;
        const o = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "de");
        return state.desc ? -o : o;
      });
    }
    matched = rs.length;
    paint(rs);
  }
  function paint(rs) {
    thead.querySelectorAll("th").forEach((th) => {
      th.classList.toggle("sorted", th.dataset.key === state.key);
      th.classList.toggle("desc", th.dataset.key === state.key && state.desc);
    });
    clear(tbody);
    rs.slice(0, state.shown).forEach((r) => {
      tbody.appendChild(el("tr", {}, columns.map((c) => el("td", { class: [c.num ? "num" : "", c.nowrap ? "nowrap" : ""].join(" ").trim() || null }, c.cell ? c.cell(r) : fmt(c.value(r))))));
    });
    const all = remote ? total : rows.length;
    state.shown = Math.min(state.shown, Math.max(rs.length, pageSize));
    info.textContent = matched === all ? `${plural(all, "row")}` : `${fmt(matched)} of ${plural(all, "row")}`;
    if (matched > Math.min(state.shown, rs.length)) info.textContent += `, first ${fmt(Math.min(state.shown, rs.length))} shown`;
    if (failed) info.textContent += ` (cannot load more rows: ${failed})`;
    moreBtn.hidden = matched <= Math.min(state.shown, rs.length);
  }
  const box = el("div", { "data-testid": testid });
  if (search) {
    const q = el("input", { type: "search", placeholder: "filter…", "aria-label": "filter rows" });
    q.addEventListener("input", () => { state.q = q.value.trim().toLowerCase(); state.shown = pageSize; draw(); });
    box.appendChild(el("div", { class: "controls" }, q));
  }
  box.appendChild(el("div", { class: "table-wrap" }, el("table", { class: "ov" }, el("thead", {}, thead), tbody)));
  box.appendChild(el("div", { class: "table-foot" }, info, moreBtn));
  if (remote && !state.key) paint(loaded);  // the first rows came with the page
  else draw();
  return box;
}

// ---------------------------------------------------------------- page parts
function header() {
  const top = el("header", { class: "ov-top" });
  if (IN_APP) {
    top.appendChild(el("a", { href: "/", "data-testid": "to-review" }, "Presseschau review"));
    top.appendChild(el("span", { class: "ov-sub" }, "overview"));
  } else {
    top.appendChild(el("span", {}, el("b", {}, "Presseschau report")));
    const m = D.meta || {};
    top.appendChild(el("span", { class: "ov-sub" }, [m.data ? `${m.data}` : "", m.annotations ? ` + ${m.annotations}` : "", m.generated ? ` · ${m.generated}` : ""].join("")));
  }
  top.appendChild(el("span", { class: "spacer" }));
  if (IN_APP) {
    const box = el("input", { type: "checkbox", id: "reviewed-only", "data-testid": "reviewed-only" });
    box.checked = !!D.reviewed_only;
    box.addEventListener("change", () => load(box.checked));
    top.appendChild(el("label", { title: "Count only accepted and corrected entities" }, box, " reviewed entities only"));
  } else {
    top.appendChild(el("span", { class: "ov-sub" }, D.reviewed_only ? "counting reviewed entities only" : "counting every entity that is not rejected"));
  }
  return top;
}

function kpis() {
  const p = D.progress;
  const n = D.totals.articles;
  // no entity at all (an empty run): nothing to review, not "100 % reviewed"
  const pct = p.total.total ? Math.round((100 * (p.total.total - p.total.pending)) / p.total.total) + "%" : "–";
  const dates = D.timeline.points.reduce((s, x) => s + x.count, 0);
  const k = (cls, v, label) => el("div", { class: "kpi " + cls }, el("b", {}, v), el("span", {}, label));
  return el("section", { class: "kpis", "data-testid": "kpis" },
    k("", fmt(n), n === 1 ? "article" : "articles"),
    ...["PER", "ORG", "LOC"].map((l) => k(l, fmt(D.names[l].distinct), `${NAMES[l].toLowerCase()} · ${plural(D.names[l].mentions, "mention")}`)),
    k("DATE", fmt(dates), "calendar dates mentioned"),
    k("FIGURE", fmt(D.totals.figures), "figures"),
    k("done", pct, `reviewed · ${fmt(p.states.done)} of ${plural(n, "article")} done`));
}

function namesSection() {
  const sec = el("section", { class: "card", id: "names", "data-testid": "names" });
  sec.appendChild(el("div", { class: "card-head" }, el("h2", {}, "Who and where"),
    el("span", { class: "muted small" }, "most mentioned, by canonical name; dark: reviewed mentions, light: not yet reviewed. Click a bar for its articles.")));
  const grid = el("div", { class: "grid3" });
  const detail = el("div", { class: "detail", "data-testid": "name-detail" });
  function show(label, row) {
    clear(detail);
    if (!row) return;
    detail.appendChild(el("h3", {}, el("span", { class: "swatch " + label }), row.name, " ",
      el("span", { class: "count" }, `${NAME_ONE[label]} · ${plural(row.count, "mention")} (${fmt(row.reviewed)} reviewed) in ${plural(row.n_articles, "article")}`)));
    detail.appendChild(forms(row.forms));
    detail.appendChild(el("div", {}, articleList(row.articles, 40, row.n_articles)));
  }
  let first = null;
  for (const label of ["PER", "ORG", "LOC"]) {
    const info = D.names[label];
    const col = el("div", { "data-testid": "names-" + label });
    col.appendChild(el("h3", {}, el("span", { class: "swatch " + label }), NAMES[label], " ",
      el("span", { class: "muted small" }, `${plural(info.distinct, "name")}, ${plural(info.mentions, "mention")}`)));
    grid.appendChild(col);
    if (!info.top.length) { col.appendChild(el("p", { class: "empty" }, "none")); continue; }
    first = first || [label, info.top[0]];
    const box = el("div", { class: "chart" });
    box.style.height = `${info.top.length * 24 + 30}px`;  // CSSOM, allowed by the app's CSP
    const canvas = el("canvas", { "aria-label": `${NAMES[label]}: most mentioned`, role: "img" });
    box.appendChild(canvas);
    col.appendChild(box);
    const color = css(label);
    chart(canvas, {
      type: "bar",
      data: {
        labels: info.top.map((r) => r.name),
        datasets: [
          { label: "reviewed", data: info.top.map((r) => r.reviewed), backgroundColor: color, stack: "s" },
          { label: "not yet reviewed", data: info.top.map((r) => r.count - r.reviewed), backgroundColor: alpha(color, 0.45), stack: "s" },
        ],
      },
      options: {
        indexAxis: "y", maintainAspectRatio: false,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: "#eee" } },
          y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false, callback(v) { return short(this.getLabelForValue(v), 26); } } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { footer: (items) => { const r = info.top[items[0].dataIndex]; return `${plural(r.count, "mention")} in ${plural(r.n_articles, "article")}`; } } },
        },
        onClick: (e, els) => { if (els.length) show(label, info.top[els[0].index]); },
        onHover: (e, els) => { e.native.target.style.cursor = els.length ? "pointer" : "default"; },
      },
    });
  }
  sec.appendChild(grid);
  sec.appendChild(detail);
  if (first) show(...first);
  return sec;
}

function yearTick(v, span) {
  if (span > 6) return Number.isInteger(v) ? (v <= 0 ? `${1 - v} BC` : String(v)) : "";
  const y = Math.floor(v + 1e-6);
  const m = Math.round((v - y) * 12);
  if (m === 12) return `Jan ${y + 1}`;
  return m === 0 ? `Jan ${y}` : `${MONTHS[m]} ${span > 2.5 ? String(y).slice(2) : y}`;
}

function timelineSection() {
  const t = D.timeline;
  const sec = el("section", { class: "card", id: "timeline", "data-testid": "timeline" });
  sec.appendChild(el("div", { class: "card-head" }, el("h2", {}, "When"),
    el("span", { class: "muted small" }, `the calendar dates the articles mention, by precision; a bubble's size is its number of mentions. ${t.unresolved ? plural(t.unresolved, "mention") + " without a resolvable date left out." : ""}`)));
  const grid = el("div", { class: "grid2" });
  const left = el("div");
  const detail = el("div", { class: "detail", "data-testid": "date-detail" });
  grid.appendChild(left);
  const right = el("div", { "data-testid": "durations" });
  grid.appendChild(right);
  sec.appendChild(grid);
  if (!t.points.length) {
    left.appendChild(el("p", { class: "empty" }, "No calendar dates."));
  } else {
    const bands = PRECISIONS.filter((p) => t.points.some((x) => x.precision === p));
    const lo = Math.floor(Math.min(...t.points.map((p) => p.x0)));
    const hi = Math.ceil(Math.max(...t.points.map((p) => p.x1)));
    const pub = D.totals.published_years || [];
    const maxCount = Math.max(...t.points.map((p) => p.count));
    const palette = ["#e15759", "#f28e2b", "#d4a72c", "#59a14f", "#4e79a7", "#7b5ea7", "#9c755f"];
    const canvas = el("canvas", { "aria-label": "timeline of the dates mentioned", role: "img" });
    const controls = el("div", { class: "controls" });
    left.appendChild(controls);
    left.appendChild(el("div", { class: "chart h-timeline" }, canvas));
    left.appendChild(detail);
    const c = chart(canvas, {
      type: "bubble",
      data: {
        datasets: bands.map((b) => ({
          label: PRECISION_NAMES[b],
          data: t.points.filter((p) => p.precision === b).map((p) => ({ x: (p.x0 + p.x1) / 2, y: bands.indexOf(b), r: 3 + 14 * Math.sqrt(p.count / maxCount), p })),
          backgroundColor: alpha(palette[PRECISIONS.indexOf(b)], 0.55),
          borderColor: palette[PRECISIONS.indexOf(b)],
          borderWidth: 1,
        })),
      },
      options: {
        maintainAspectRatio: false,
        layout: { padding: { right: 12 } },
        scales: {
          x: { type: "linear", min: lo, max: hi, grid: { color: "#eee" }, ticks: { maxRotation: 0, autoSkip: true, includeBounds: false, callback(v) { return yearTick(v, this.max - this.min); } } },
          y: { type: "linear", min: -0.6, max: bands.length - 0.4, reverse: true, grid: { color: "#f3f3f3" },
               afterBuildTicks: (ax) => { ax.ticks = bands.map((_, i) => ({ value: i })); },
               ticks: { callback: (v) => PRECISION_NAMES[bands[v]] || "" } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: {
            title: (items) => items[0].raw.p.label,
            label: (item) => `${plural(item.raw.p.count, "mention")} in ${plural(item.raw.p.n_articles, "article")}`,
            afterLabel: (item) => item.raw.p.forms.map(([f, n]) => `“${f}” ×${n}`).join(", "),
          } },
        },
        onClick: (e, els) => { if (els.length) showDate(c.data.datasets[els[0].datasetIndex].data[els[0].index].p); },
        onHover: (e, els) => { e.native.target.style.cursor = els.length ? "pointer" : "default"; },
      },
    });
    function setRange(a, b, btn) {
      c.options.scales.x.min = a;
      c.options.scales.x.max = b;
      from.value = Math.floor(a);
      to.value = Math.ceil(b) - 1;  // the inputs name whole years, both included
      controls.querySelectorAll("button").forEach((x) => x.classList.toggle("on", x === btn));
      c.update();
    }
    const from = el("input", { type: "number", value: lo, "aria-label": "from year" });
    const to = el("input", { type: "number", value: hi - 1, "aria-label": "to year" });
    const all = el("button", { type: "button", "data-testid": "all-years", onclick: () => setRange(lo, hi, all) }, `all (${yearTick(lo, 99)}–${yearTick(hi - 1, 99)})`);
    controls.append(all);
    // a few old dates ("1701") would squeeze the rest into one corner: start with the range
    // that holds 95% of the mentions, the whole span one click away
    const weighted = t.points.slice().sort((a, b) => a.x0 - b.x0);
    const total = weighted.reduce((n, p) => n + p.count, 0);
    let seen = 0, mainLo = lo;
    for (const p of weighted) { seen += p.count; if (seen > total * 0.05) { mainLo = Math.floor(p.x0); break; } }
    let start = all;
    if (mainLo > lo && hi - mainLo < (hi - lo) * 0.8) {
      start = el("button", { type: "button", "data-testid": "most-mentions", onclick: () => setRange(mainLo, hi, start) }, `most mentions (${yearTick(mainLo, 99)}–${yearTick(hi - 1, 99)})`);
      controls.append(start);
    }
    if (pub.length) {
      const a = Math.min(...pub) - 1, b = Math.max(...pub) + 1;
      const around = el("button", { type: "button", "data-testid": "around-publication", onclick: () => setRange(a, b + 1, around) }, `publication (${a}–${b})`);
      controls.append(around);
    }
    const apply = () => { const a = Number(from.value), b = Number(to.value) + 1; if (b > a) setRange(a, b, null); };
    from.addEventListener("change", apply);
    to.addEventListener("change", apply);
    controls.append(el("span", { class: "muted", title: "years shown, both included" }, "years"), from, "–", to);
    setRange(start === all ? lo : mainLo, hi, start);
    const busiest = t.points.reduce((a, b) => (b.count > a.count ? b : a));
    showDate(busiest);
  }
  function showDate(p) {
    clear(detail);
    detail.appendChild(el("h3", {}, p.label, " ", el("span", { class: "count" }, `${p.value} · ${PRECISION_NAMES[p.precision]} · ${plural(p.count, "mention")} (${fmt(p.reviewed)} reviewed)`)));
    detail.appendChild(forms(p.forms));
    detail.appendChild(el("div", {}, articleList(p.articles, 20, p.n_articles)));
  }
  right.appendChild(el("h3", {}, "Durations ", el("span", { class: "muted small" }, "(not on the calendar)")));
  const other = t.durations.concat(t.sets.map((s) => ({ ...s, label: s.label + " (recurring)" })));
  if (!other.length) right.appendChild(el("p", { class: "empty" }, "none"));
  else right.appendChild(table({
    testid: "durations-table", pageSize: 15, search: false, sort: ["count", true],
    rows: other,
    columns: [
      { key: "label", title: "Duration", value: (r) => r.label, cell: (r) => el("span", { title: r.value }, r.label) },
      { key: "count", title: "Mentions", num: true, value: (r) => r.count },
      { key: "forms", title: "Written as", value: (r) => r.forms.map((f) => f[0]).join(", ") },
    ],
  }));
  return sec;
}

function figuresSection() {
  const rows = D.figures, t = D.totals;
  const sec = el("section", { class: "card", id: "figures", "data-testid": "figures" });
  const ev = t.events.map(([e, n]) => `${e} ${n}`).join(", ");
  sec.appendChild(el("div", { class: "card-head" }, el("h2", {}, "Figures"),
    el("span", { class: "muted small" }, `${plural(t.figures, "figure")} in ${plural(t.figure_articles, "article")}${ev ? "; events: " + ev : ""}. Click a column to sort.`)));
  if (!rows.length) { sec.appendChild(el("p", { class: "empty" }, "No figures.")); return sec; }
  sec.appendChild(table({
    testid: "figures-table", rows, remote: IN_APP ? { table: "figures", total: t.figures, next: (D.next || {}).figures } : null,
    columns: [
      { key: "value", title: "Value", num: true, value: (r) => (typeof r.value === "number" ? r.value : r.value ?? null) },
      { key: "unit", title: "Unit", value: (r) => r.unit },
      { key: "qualifier", title: "Qualifier", value: (r) => r.qualifier },
      { key: "about", title: "About", value: (r) => r.about },
      { key: "event", title: "Event", value: (r) => r.event },
      { key: "text", title: "Text", value: (r) => r.text, cell: (r) => el("q", {}, r.text || "") },
      { key: "article", title: "Article", value: (r) => (D.articles[r.article] || {}).title || r.article, cell: (r) => article(r.article) },
      { key: "status", title: "Status", value: (r) => r.status, cell: (r) => el("span", { class: "st st-" + r.status }, r.status) },
    ],
  }));
  return sec;
}

function progressSection() {
  const p = D.progress;
  const sec = el("section", { class: "card", id: "progress", "data-testid": "progress" });
  const t = p.total;
  sec.appendChild(el("div", { class: "card-head" }, el("h2", {}, "Review progress"),
    el("span", { class: "muted small" }, `${fmt(t.total - t.pending)} of ${plural(t.total, "entity", "entities")} reviewed: ${STATUSES.map((s) => `${fmt(t[s])} ${s}`).join(", ")}`)));
  const grid = el("div", { class: "grid2" });
  const labels = Object.keys(p.per_label).filter((l) => p.per_label[l].total > 0);
  const c1 = el("canvas", { "aria-label": "review status per label", role: "img" });
  const c2 = el("canvas", { "aria-label": "articles by review state", role: "img" });
  grid.appendChild(el("div", {}, el("h3", {}, "Entities per label"), el("div", { class: "chart h-labels" }, c1)));
  grid.appendChild(el("div", {}, el("h3", {}, "Articles"), el("div", { class: "chart h-states" }, c2)));
  sec.appendChild(grid);
  chart(c1, {
    type: "bar",
    data: { labels, datasets: STATUSES.map((s) => ({ label: s, data: labels.map((l) => p.per_label[l][s]), backgroundColor: s === "pending" ? css("pending") : alpha(css(s), 0.85), stack: "s" })) },
    options: {
      indexAxis: "y", maintainAspectRatio: false,
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: "#eee" } }, y: { stacked: true, grid: { display: false } } },
      plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
    },
  });
  const states = Object.keys(STATES).filter((s) => p.states[s] > 0);
  chart(c2, {
    type: "doughnut",
    data: { labels: states.map((s) => STATES[s]), datasets: [{ data: states.map((s) => p.states[s]), backgroundColor: states.map((s) => ({ done: css("accepted"), started: css("pending"), not_started: "#c9ccd3", empty: "#eceef2" })[s]) }] },
    options: { maintainAspectRatio: false, cutout: "58%", plugins: { legend: { position: "right", labels: { boxWidth: 12 } } } },
  });
  const bar = (r) => {
    const b = el("span", { class: "pbar", title: `${r.done}/${r.total} reviewed` });
    for (const s of ["accepted", "corrected", "rejected"]) {
      if (!r[s]) continue;
      const i = el("i", { class: s });
      i.style.width = `${(100 * r[s]) / r.total}%`;
      b.appendChild(i);
    }
    return el("span", {}, b, `${r.done}/${r.total}`);
  };
  const meta = (r, k) => (D.articles[r.id] || {})[k];
  sec.appendChild(el("h3", {}, "Per article"));
  sec.appendChild(table({
    testid: "articles-table", rows: p.articles, remote: IN_APP ? { table: "articles", total: D.totals.articles, next: (D.next || {}).articles } : null,
    columns: [
      { key: "title", title: "Article", value: (r) => meta(r, "title") || r.id, cell: (r) => article(r.id) },
      { key: "outlet", title: "Outlet", value: (r) => meta(r, "outlet") },
      { key: "published", title: "Published", nowrap: true, value: (r) => meta(r, "published") },
      { key: "state", title: "State", value: (r) => Object.keys(STATES).indexOf(r.state), cell: (r) => el("span", { class: "state " + r.state }, STATES[r.state]) },
      { key: "share", title: "Reviewed", num: true, nowrap: true, value: (r) => (r.total ? r.done / r.total : null), cell: bar },
      ...STATUSES.map((s) => ({ key: s, title: s[0].toUpperCase() + s.slice(1), num: true, value: (r) => r[s] })),
    ],
  }));
  return sec;
}

function render() {
  charts.forEach((c) => c.destroy());
  charts = [];
  const root = clear(document.getElementById("overview"));
  root.appendChild(header());
  const main = el("main", { class: "ov-main" });
  main.appendChild(el("h1", {}, "What the articles are about"));
  main.appendChild(kpis());
  main.appendChild(namesSection());
  main.appendChild(timelineSection());
  main.appendChild(figuresSection());
  main.appendChild(progressSection());
  if (!IN_APP) main.appendChild(el("p", { class: "foot" }, "Made by presseschau report. Charts: Chart.js (MIT licence)."));
  root.appendChild(main);
  document.body.dataset.rendered = "1";
}

async function load(reviewedOnly) {
  if (EMBEDDED) {
    D = JSON.parse(EMBEDDED.textContent);
  } else {
    const r = await fetch("/api/overview" + (reviewedOnly ? "?reviewed_only=1" : ""), { headers: { Accept: "application/json" } });
    if (!r.ok) {
      const msg = (await r.json().catch(() => ({}))).error || r.statusText;
      clear(document.getElementById("overview")).appendChild(el("p", { class: "empty" }, "Cannot load the overview: " + msg));
      return;
    }
    D = await r.json();
  }
  render();
}

Chart.defaults.animation = false;
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.color = "#444";
load(new URLSearchParams(location.search).get("reviewed_only") === "1");
