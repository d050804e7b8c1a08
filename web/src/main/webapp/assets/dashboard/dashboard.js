// Alignment dashboard (issue 6) on the report API (/api/campaigns/{id}/report...).
//
// Every text that comes from the API (department names, comments, dimension titles, explanations)
// reaches the page through textContent or ECharts text options; the one place where ECharts takes
// HTML, the tooltip formatter, gets only esc()-escaped text. No inline script or style (CSP):
// layout lives in dashboard.css. A suppressed figure is shown as "fewer than k responses" or "not
// visible", never as 0. ECharts (a classic script from its WebJar) is the global `echarts`.
import { shell } from "/assets/shell.js";

const OUTCOME = { supported: "SUPPORTED", not_supported: "NOT SUPPORTED", inconclusive: "INCONCLUSIVE" };
const CRITERIA = {
  within_department_agreement: "Agreement within departments: share of departments with r_wg(J) ≥ .70",
  cross_department_alignment: "Alignment across departments: largest |difference| from the rest (TOST, ±δ)",
  collaboration_network: "A working network: mean cross-department collaboration rating",
  customers_feel_it: "Customers feel it: customers’ “seamless across departments” rating",
};
const FACETS = {
  easy: "Easy to do business with",
  cares: "Cares about the customer",
  understands: "Understands the customer’s needs",
  value: "Creates great value",
  seamless: "Seamless across departments",
};
const HIDDEN_RULES = new Set(["transparency", "organisation_hidden"]);
const BLUE = "#0b5fff";
const ORANGE = "#c2410c";
const GREY = "#6b7280";
const STATUS_COLOUR = { confirmed: "#15803d", rejected: "#b91c1c", undecided: "#6b7280", no_data: "#9aa3b5" };

const state = { k: 5, charts: [], summary: null, titles: {}, viewer: null, campaignId: null };

// ---------- small helpers ----------

/** Escapes text for the one place ECharts takes HTML: the tooltip formatter's result. */
function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** Tooltip content: each line escaped, joined by line breaks. */
function tip(lines) {
  return lines.filter((l) => l != null && l !== "").map(esc).join("<br>");
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) {
    e.className = cls;
  }
  if (text != null) {
    e.textContent = text;
  }
  return e;
}

function isNum(v) {
  return typeof v === "number" && isFinite(v);
}

function fmt(v, digits) {
  return isNum(v) ? v.toFixed(digits == null ? 2 : digits) : "—";
}

function fmtP(p) {
  if (!isNum(p)) {
    return "—";
  }
  return p < 0.001 ? "< .001" : p.toFixed(3).replace(/^0/, "");
}

function fewer() {
  return "fewer than " + state.k + " responses";
}

/** How a suppressed entry is shown: never as a number. */
function hiddenText(row) {
  return row && HIDDEN_RULES.has(row.rule) ? "not visible" : fewer();
}

function interval(lo, hi) {
  return isNum(lo) && isNum(hi) ? "[" + fmt(lo) + ", " + fmt(hi) + "]" : "";
}

/**
 * A figure that may be absent: {value, text}. Suppressed entries give "fewer than k responses" /
 * "not visible"; an undefined statistic gives its reason. Never turns an absent figure into 0.
 */
function figure(obj, key, digits) {
  if (obj == null) {
    return { value: null, text: "not visible" };
  }
  if (obj.suppressed === true) {
    return { value: null, text: hiddenText(obj), suppressed: true };
  }
  const v = obj[key];
  if (isNum(v)) {
    return { value: v, text: fmt(v, digits) };
  }
  const reason = obj[key + "_reason"];
  return { value: null, text: reason ? "undefined (" + reason + ")" : "—" };
}

function dimensionTitle(id) {
  if (id === "employee") {
    return "All employee items";
  }
  return state.titles[id] || String(id).replace(/^disc\./, "").replace(/[._]/g, " ");
}

function departmentLabel(row) {
  return row.pooled && row.members && row.members.length ? row.department + ": " + row.members.join(", ") : row.department;
}

async function api(path) {
  const res = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!res.ok) {
    const err = new Error(path + " answered " + res.status);
    err.status = res.status;
    try {
      const problem = await res.json();
      err.detail = problem.detail || problem.title;
      err.type = problem.type;
    } catch (ignored) {
      // not JSON
    }
    throw err;
  }
  return res.json();
}

function report(path) {
  return api("/api/campaigns/" + state.campaignId + "/report" + path);
}

/** Runs one panel; a failing request shows its reason inside the panel, not a blank page. */
async function panel(noteId, work) {
  try {
    await work();
  } catch (e) {
    const note = document.getElementById(noteId);
    note.textContent = "Not available: " + (e.detail || e.message);
    note.classList.add("error");
  }
}

// ---------- charts and their text alternatives ----------

let tableCount = 0;

/** The chart's text alternative: a <details> data table after the chart, its caption describing it. */
function dataTable(container, caption, head, rows) {
  const details = makeTable("Data table: " + caption, caption, head, rows);
  container.after(details);
  container.setAttribute("aria-describedby", details.querySelector("caption").id);
  return details;
}

/** A collapsible table (<details>): summary line, caption, header row, rows of text. */
function makeTable(summary, caption, head, rows) {
  const details = el("details", "data");
  details.appendChild(el("summary", null, summary));
  const table = el("table");
  const cap = el("caption", null, caption);
  cap.id = "table-" + ++tableCount;
  table.appendChild(cap);
  const thead = el("thead");
  const tr = el("tr");
  for (const h of head) {
    const th = el("th", null, h);
    th.scope = "col";
    tr.appendChild(th);
  }
  thead.appendChild(tr);
  table.appendChild(thead);
  const tbody = el("tbody");
  for (const r of rows) {
    const row = el("tr");
    r.forEach((c, i) => {
      const text = c == null || c === "" ? "—" : String(c);
      const cell = el(i === 0 ? "th" : "td", null, text);
      if (i === 0) {
        cell.scope = "row";
      }
      if (text === fewer() || text === "not visible") {
        cell.className = "suppressed";
      }
      row.appendChild(cell);
    });
    tbody.appendChild(row);
  }
  table.appendChild(tbody);
  const scroll = el("div", "scroll"); // a wide table scrolls inside its box, not the page
  scroll.appendChild(table);
  details.appendChild(scroll);
  return details;
}

function chart(container, label, option) {
  container.setAttribute("role", "img");
  container.setAttribute("aria-label", label);
  const c = echarts.init(container, null, { renderer: "canvas" });
  c.setOption(
    Object.assign(
      {
        animation: false,
        aria: { enabled: false },
        textStyle: { fontFamily: "system-ui, sans-serif", color: "#1d2433" },
        tooltip: { trigger: "item", confine: true, className: "chart-tooltip", formatter: (p) => (p.data && p.data.tip) || esc(p.name || "") },
      },
      option
    )
  );
  state.charts.push(c);
  return c;
}

/**
 * Horizontal interval plot: a row per category; per series a point and its interval; optional
 * reference lines (thresholds). points[i] = {mean, lower, upper, tip} or null (nothing drawn).
 */
function intervalOption(categories, series, lines, axis, labelWidth) {
  // category labels take at most a third of a narrow (phone) window
  const lw = Math.min(labelWidth || 210, Math.max(90, Math.floor(window.innerWidth / 3)));
  const out = [];
  const gap = 12;
  series.forEach((s, i) => {
    const offset = (i - (series.length - 1) / 2) * gap;
    const bars = [];
    const points = [];
    s.points.forEach((p, row) => {
      if (p == null || !isNum(p.mean)) {
        return;
      }
      const t = p.tip || tip([categories[row], s.name + ": " + fmt(p.mean) + " " + interval(p.lower, p.upper)]);
      if (isNum(p.lower) && isNum(p.upper)) {
        bars.push({ value: [row, p.lower, p.upper], tip: t });
      }
      points.push(p.colour ? { value: [p.mean, row], tip: t, itemStyle: { color: p.colour } } : { value: [p.mean, row], tip: t });
    });
    out.push({
      type: "custom",
      name: s.name,
      data: bars,
      itemStyle: { color: s.colour },
      encode: { x: [1, 2], y: 0 },
      renderItem: (params, a) => {
        const lo = a.coord([a.value(1), a.value(0)]);
        const hi = a.coord([a.value(2), a.value(0)]);
        const y = lo[1] + offset;
        const style = { stroke: s.colour, lineWidth: 2 };
        return {
          type: "group",
          children: [
            { type: "line", shape: { x1: lo[0], y1: y, x2: hi[0], y2: y }, style },
            { type: "line", shape: { x1: lo[0], y1: y - 5, x2: lo[0], y2: y + 5 }, style },
            { type: "line", shape: { x1: hi[0], y1: y - 5, x2: hi[0], y2: y + 5 }, style },
          ],
        };
      },
    });
    out.push({
      type: "scatter",
      name: s.name,
      data: points,
      symbol: s.symbol || "circle",
      symbolSize: 10,
      symbolOffset: [0, offset],
      itemStyle: { color: s.colour },
      markLine:
        i === 0 && lines && lines.length
          ? {
              symbol: "none",
              silent: true,
              lineStyle: { type: "dashed", color: "#8a1010" },
              label: { formatter: (p) => p.name, position: "end", color: "#8a1010" },
              data: lines.map((l) => ({ xAxis: l.value, name: l.name })),
            }
          : undefined,
    });
  });
  return {
    legend: series.length > 1 ? { data: series.map((s) => s.name), top: 0 } : undefined,
    grid: { left: lw + 14, right: 48, top: series.length > 1 ? 34 : 10, bottom: 24 },
    xAxis: Object.assign({ type: "value", scale: true }, axis || {}),
    yAxis: { type: "category", data: categories, inverse: true, axisLabel: { width: lw, overflow: "truncate" } },
    series: out,
  };
}

// ---------- verdict ----------

function renderVerdict(body) {
  const verdict = body.verdict;
  const badge = document.getElementById("verdict-badge");
  const summary = document.getElementById("verdict-summary");
  const tbody = document.querySelector("#criteria tbody");
  tbody.replaceChildren();
  if (!verdict) {
    badge.textContent = "NO VERDICT";
    badge.className = "badge badge-inconclusive";
    summary.textContent = body.verdict_reason || "The verdict is not available for this campaign.";
    return;
  }
  badge.textContent = OUTCOME[verdict.outcome] || String(verdict.outcome).toUpperCase();
  badge.className = "badge badge-" + verdict.outcome;
  const passed = verdict.criteria.filter((c) => c.status === "pass").length;
  summary.textContent = passed + " of " + verdict.criteria.length + " criteria pass.";
  for (const c of verdict.criteria) {
    const row = el("tr");
    const name = el("th");
    name.scope = "row";
    const title = CRITERIA[c.name] || c.name;
    name.appendChild(el("span", null, title));
    name.appendChild(el("span", "explanation", c.explanation));
    if (c.details && c.details.length) {
      name.appendChild(criterionDetails(c));
    }
    row.appendChild(name);
    const st = el("td");
    st.appendChild(el("span", "status status-" + c.status, c.status.toUpperCase()));
    row.appendChild(st);
    const stat = figure(c, "statistic");
    const lo = figure(c, "lower");
    const hi = figure(c, "upper");
    const alignment = c.name === "cross_department_alignment";
    row.appendChild(el("td", "num", stat.text));
    row.appendChild(el("td", "num", interval(lo.value, hi.value) || "—"));
    row.appendChild(el("td", "num", (alignment ? "±" : "") + fmt(c.threshold)));
    row.appendChild(el("td", "num", String(c.n)));
    const plot = el("td");
    const box = el("div", "chart-small");
    plot.appendChild(box);
    row.appendChild(plot);
    tbody.appendChild(row);
    const values = [stat.value, lo.value, hi.value, c.threshold].filter(isNum);
    const lines = alignment
      ? [{ value: -c.threshold, name: "" }, { value: c.threshold, name: "" }]
      : [{ value: c.threshold, name: "" }];
    if (alignment) {
      values.push(-c.threshold);
    }
    const min = Math.min.apply(null, values);
    const max = Math.max.apply(null, values);
    const pad = (max - min) * 0.15 || 0.1;
    const label =
      title + ": statistic " + stat.text + (isNum(lo.value) ? ", interval " + fmt(lo.value) + " to " + fmt(hi.value) : "") +
      ", threshold " + (alignment ? "±" : "") + fmt(c.threshold) + ", n " + c.n + ", " + c.status;
    const option = intervalOption(
      [""],
      [{ name: "statistic", colour: "#1d2433", points: [{ mean: stat.value, lower: lo.value, upper: hi.value, tip: esc(label) }] }],
      lines,
      { min: min - pad, max: max + pad, show: false }
    );
    option.grid = { left: 6, right: 6, top: 4, bottom: 4 };
    option.yAxis.show = false;
    chart(box, label, option);
    box.setAttribute("aria-describedby", "criteria-caption");
  }
  const r = verdict.required_sample_size;
  const note = document.getElementById("sample-size");
  note.textContent = "";
  if (verdict.outcome === "inconclusive" && r) {
    const parts = [];
    if (isNum(r.per_department)) {
      parts.push(r.per_department + " respondents per department");
    }
    if (isNum(r.customers)) {
      parts.push(r.customers + " customers");
    }
    note.textContent = parts.length
      ? "A decision would need about " + parts.join(" and ") + (r.basis ? " (" + r.basis + ")." : ".")
      : r.reason || "";
  }
}

function criterionDetails(c) {
  const d = el("details", "data");
  d.appendChild(el("summary", null, "Per department (" + c.details.length + ")"));
  const ul = el("ul", "criterion-details");
  for (const x of c.details) {
    const li = el("li");
    if (x.suppressed) {
      li.appendChild(el("span", null, x.subject + ": "));
      li.appendChild(el("span", "suppressed", hiddenText(x)));
    } else {
      li.textContent =
        x.subject + ": " + x.status + ", " + figure(x, "statistic").text + " " + interval(x.lower, x.upper) +
        (isNum(x.p) ? ", p " + fmtP(x.p) : "") + (x.note ? " — " + x.note : "");
    }
    ul.appendChild(li);
  }
  d.appendChild(ul);
  return d;
}

// ---------- heatmap ----------

function renderHeatmap(body) {
  const box = document.getElementById("heatmap-chart");
  let dims = body.dimensions || [];
  const disciplines = dims.filter((d) => /^disc\./.test(d) || /^Discipline/i.test(state.titles[d] || ""));
  if (disciplines.length) {
    dims = disciplines;
  }
  const titles = dims.map((d) => dimensionTitle(d).replace(/^Discipline:\s*/i, ""));
  document.getElementById("heatmap-note").textContent =
    "Mean score per department and discipline (" + body.scale.min + "–" + body.scale.max + "). ▲/▼: above/below the rest of the " +
    "organisation (Benjamini–Hochberg q ≤ " + body.q_threshold + " over " + body.tests + " tests). Hatched cells: " + fewer() + " or not visible.";
  const rows = body.rows || [];
  const names = rows.map(departmentLabel);
  const values = [];
  const hidden = [];
  const table = [];
  rows.forEach((r, y) => {
    const line = [departmentLabel(r)];
    dims.forEach((dim, x) => {
      const c = r.suppressed ? r : (r.cells || []).find((cell) => cell.dimension === dim);
      const where = departmentLabel(r) + " — " + titles[x];
      if (c && !c.suppressed && isNum(c.mean)) {
        const mark = c.flag === "above" ? " ▲" : c.flag === "below" ? " ▼" : "";
        const lines = [
          where,
          "mean " + fmt(c.mean) + " " + interval(c.lower95, c.upper95) + ", n = " + c.n,
          isNum(c.difference) ? "difference from the rest " + fmt(c.difference) + ", q " + fmtP(c.q) : null,
          c.flag ? "significantly " + c.flag + " the rest" : null,
        ];
        values.push({ value: [x, y, c.mean], label: { formatter: fmt(c.mean) + mark }, tip: tip(lines) });
        line.push(fmt(c.mean) + mark + " " + interval(c.lower95, c.upper95) + (c.flag ? " (" + c.flag + " the rest, q " + fmtP(c.q) + ")" : ""));
      } else {
        const text = c ? hiddenText(c) : "not visible";
        hidden.push({ value: [x, y, 0], label: { formatter: text === fewer() ? "< " + state.k + " responses" : "not visible" }, tip: tip([where, text]) });
        line.push(text);
      }
    });
    table.push(line);
  });
  const label = "Heatmap: mean score of " + names.length + " departments on " + dims.length + " CX disciplines, with significance marks; hatched cells have " + fewer() + " or are not visible";
  chart(box, label, {
    grid: { left: 8, right: 16, top: 10, bottom: 90, containLabel: true },
    xAxis: { type: "category", data: titles, splitArea: { show: true }, axisLabel: { interval: 0, rotate: 15 } },
    yAxis: { type: "category", data: names, inverse: true, axisLabel: { width: Math.min(200, Math.max(90, Math.floor(window.innerWidth / 3))), overflow: "truncate" } },
    visualMap: {
      min: body.scale.min,
      max: body.scale.max,
      seriesIndex: 0,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      text: [String(body.scale.max), String(body.scale.min)],
      inRange: { color: ["#b2182b", "#f7f7f7", "#2166ac"] },
    },
    series: [
      { type: "heatmap", name: "mean", data: values, label: { show: true, color: "#111" }, itemStyle: { borderColor: "#fff", borderWidth: 2 } },
      {
        type: "heatmap",
        name: "suppressed",
        data: hidden,
        label: { show: true, color: "#333", fontStyle: "italic" },
        itemStyle: {
          color: "#eceef3",
          borderColor: "#fff",
          borderWidth: 2,
          decal: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 6], rotation: Math.PI / 4, color: "rgba(90, 100, 120, 0.35)" },
        },
      },
    ],
  });
  dataTable(box, "Mean score by department and discipline", ["Department"].concat(titles), table);
}

// ---------- network ----------

function renderNetwork(body) {
  const box = document.getElementById("network-chart");
  const note = document.getElementById("network-note");
  const isolated = new Set(body.isolated || []);
  const nodes = new Map();
  const category = { department: 0, isolated: 1, hidden: 2 };
  const addNode = (name, row) => {
    if (nodes.has(name)) {
      return;
    }
    let kind = "department";
    let text = null;
    if (isolated.has(name) || (row && row.isolated === true)) {
      kind = "isolated";
    } else if (row && row.suppressed) {
      kind = "hidden";
      text = hiddenText(row);
    }
    const label = kind === "isolated" ? name + " (isolated)" : name;
    nodes.set(name, {
      name,
      category: category[kind],
      symbol: kind === "isolated" ? "diamond" : kind === "hidden" ? "rect" : "circle",
      symbolSize: kind === "isolated" ? 30 : 22,
      label: { show: true, formatter: label },
      tip: tip([
        name,
        kind === "isolated" ? "isolated: every link significantly below the threshold" : null,
        text ? "its ratings: " + text : row && isNum(row.collaboration_mean) ? "mean rating given " + fmt(row.collaboration_mean) + ", n = " + row.n : null,
      ]),
    });
  };
  for (const n of body.nodes || []) {
    addNode(n.department, n);
  }
  const links = [];
  const table = [];
  for (const l of body.links || []) {
    addNode(l.from, null);
    addNode(l.to, null);
    if (l.suppressed) {
      table.push([l.from + " → " + l.to, hiddenText(l), "", ""]);
      continue;
    }
    table.push([l.from + " → " + l.to, fmt(l.mean), interval(l.lower95, l.upper95), String(l.n)]);
    if (!isNum(l.mean)) {
      continue;
    }
    const w = (l.mean - body.scale.min) / (body.scale.max - body.scale.min);
    links.push({
      source: l.from,
      target: l.to,
      value: l.mean,
      lineStyle: { width: 0.5 + 5 * w, opacity: 0.3 + 0.6 * w, curveness: 0.15 },
      tip: tip([l.from + " → " + l.to, "mean rating " + fmt(l.mean) + " " + interval(l.lower95, l.upper95), "n = " + l.n]),
    });
  }
  const iso = Array.from(isolated);
  note.textContent =
    (body.suppressed ? "Organisation mean rating: " + hiddenText(body) + ". " : "Organisation mean rating " + fmt(body.mean) + " " + interval(body.lower95, body.upper95) + " (n = " + body.n + "). ") +
    "Arrows point from the rating department to the rated one; thicker and darker = higher mean rating. " +
    (body.isolated == null ? "Isolation not judged: " + (body.isolated_reason || "no verdict") + "." : iso.length ? "Isolated: " + iso.join(", ") + "." : "No department is isolated.");
  const cats = [
    { name: "department", itemStyle: { color: BLUE } },
    { name: "isolated", itemStyle: { color: "#b91c1c" } },
    { name: "ratings hidden", itemStyle: { color: "#9aa3b5" } },
  ];
  chart(box, "Directed collaboration network: " + nodes.size + " departments, " + links.length + " visible rated links; " + (iso.length ? iso.length + " isolated: " + iso.join(", ") : "none isolated"), {
    legend: { data: cats.map((c) => c.name), bottom: 0 },
    series: [
      {
        type: "graph",
        layout: "circular",
        circular: { rotateLabel: false },
        roam: false,
        top: 50,
        bottom: 40,
        left: 150,
        right: 150,
        categories: cats,
        data: Array.from(nodes.values()),
        links,
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 8,
        lineStyle: { color: "source" },
        label: { position: "right" },
        emphasis: { focus: "adjacency" },
      },
    ],
  });
  dataTable(box, "Cross-department collaboration ratings (from → to)", ["Link", "Mean rating", "95% interval", "n"], table);
}

// ---------- perception gap ----------

function facetTitle(g) {
  return FACETS[g.facet] || String(g.facet);
}

function renderGap(body) {
  const box = document.getElementById("gap-chart");
  const diffBox = document.getElementById("gap-diff-chart");
  const note = document.getElementById("gap-note");
  const items = body.items || [];
  if (!items.length) {
    note.textContent = "No matched employee–customer items in this campaign.";
    box.hidden = true;
    diffBox.hidden = true;
    return;
  }
  const cats = items.map(facetTitle);
  note.textContent =
    "Each matched item: the employees’ and the customers’ mean with its 95% interval (error bars), then the gap" +
    " (employee mean − customer mean) with its 95% interval (Welch); a gap interval that excludes 0 is a significant gap." +
    " Items with fewer than " + state.k + " customer answers are not shown.";
  const pt = (g, mean, lower, upper) => (g.suppressed ? null : { mean: g[mean], lower: g[lower], upper: g[upper] });
  chart(
    box,
    "Employee and customer means with 95% intervals on " + items.length + " matched items",
    intervalOption(cats, [
      { name: "employees", colour: BLUE, points: items.map((g) => pt(g, "employee_mean", "employee_lower95", "employee_upper95")) },
      { name: "customers", colour: ORANGE, symbol: "diamond", points: items.map((g) => pt(g, "customer_mean", "customer_lower95", "customer_upper95")) },
    ], [], state.scale ? { min: state.scale.min, max: state.scale.max } : {})
  );
  chart(
    diffBox,
    "Employee–customer gap with 95% intervals on " + items.length + " matched items",
    intervalOption(cats, [
      { name: "gap (employees − customers)", colour: BLUE, points: items.map((g) => pt(g, "mean_difference", "difference_lower95", "difference_upper95")) },
    ], [{ value: 0, name: "no gap" }], {})
  );
  const withN = (g, who) => {
    const mean = g[who + "_mean"];
    return (isNum(mean) ? fmt(mean) + " " + interval(g[who + "_lower95"], g[who + "_upper95"]) + " " : "") + "(n = " + g["n_" + who] + ")";
  };
  const details = dataTable(
    diffBox,
    "Employee–customer gap per matched item: means and gap with 95% intervals",
    ["Item", "Employees: mean [95% CI]", "Customers: mean [95% CI]", "Gap E − C [95% CI]", "Welch p", "Cohen's d"],
    items.map((g) =>
      g.suppressed
        ? [facetTitle(g), hiddenText(g), hiddenText(g), hiddenText(g), "", ""]
        : [
            facetTitle(g),
            withN(g, "employee"),
            withN(g, "customer"),
            figure(g, "mean_difference").text + " " + interval(g.difference_lower95, g.difference_upper95),
            isNum(g.welch_p) ? fmtP(g.welch_p) : figure(g, "welch_p").text,
            figure(g, "cohen_d").text,
          ]
    )
  );
  box.setAttribute("aria-describedby", details.querySelector("caption").id);
}

// ---------- maturity ----------

const LADDERS = [
  ["cx_level", "CX 1.0–6.0", (l) => "CX " + l + ".0"],
  ["data_level", "Four data levels (0–3)", (l) => "Data level " + l],
  ["pyramid", "Five-level CX pyramid", (l) => "Pyramid level " + l],
];

function placementText(l, name) {
  if (!isNum(l.level)) {
    return "not placed: " + (l.level_reason || "undefined");
  }
  let t = name(l.level);
  if (isNum(l.upper_level) && l.upper_level !== l.level) {
    t += " (could be up to " + l.upper_level + ")";
  }
  if (l.level === l.floor && l.floor === 0 && name(1).indexOf("Pyramid") === 0) {
    t = "Below pyramid level 1";
  }
  return t;
}

function renderMaturity(body) {
  const root = document.getElementById("maturity-models");
  root.replaceChildren();
  const profile = body.organisation;
  if (!profile || profile.suppressed) {
    root.appendChild(el("p", "note", "Organisation placement: " + hiddenText(profile)));
    return;
  }
  for (const [key, title, name] of LADDERS) {
    const l = profile[key];
    if (!l) {
      continue;
    }
    const card = modelCard(title, placementText(l, name));
    blocksChart(card.box, "Organisation, " + title + ": " + placementText(l, name), l.blocks, title);
  }
  if (profile.disciplines && profile.disciplines.length) {
    const card = modelCard("Six CX disciplines", "Profile of the organisation");
    blocksChart(card.box, "Organisation profile on the six CX disciplines", profile.disciplines, "six CX disciplines");
  }
  const idic = profile.idic;
  if (idic) {
    const q = idic.quadrant ? "Quadrant: " + idic.quadrant.replace(/_/g, "-") : "not placed: " + (idic.quadrant_reason || "undefined");
    const card = modelCard("Interact × customise (IDIC)", q);
    if (idic.probabilities) {
      const qs = Object.keys(idic.probabilities);
      const names = qs.map((x) => x.replace(/_/g, "-"));
      chart(card.box, "Organisation, IDIC matrix: " + q + "; probability of each quadrant", {
        grid: { left: 8, right: 24, top: 10, bottom: 24, containLabel: true },
        xAxis: { type: "value", min: 0, max: 1 },
        yAxis: { type: "category", data: names, inverse: true },
        series: [{ type: "bar", data: qs.map((x, i) => ({ value: idic.probabilities[x], tip: tip([names[i], "probability " + fmt(idic.probabilities[x])]) })), itemStyle: { color: BLUE } }],
      });
      dataTable(card.box, "IDIC quadrant probabilities", ["Quadrant", "Probability"], qs.map((x, i) => [names[i], fmt(idic.probabilities[x])]));
    } else {
      card.box.hidden = true;
    }
  }
}

function modelCard(title, placement) {
  const card = el("div", "model");
  card.appendChild(el("h3", null, title));
  card.appendChild(el("p", "placement", placement));
  const box = el("div", "chart");
  card.appendChild(box);
  document.getElementById("maturity-models").appendChild(card);
  return { card, box };
}

function blockLabel(b) {
  const t = state.titles[b.dimension];
  if (t) {
    return t.replace(/^[^:]*:\s*/, "");
  }
  return b.facet != null ? String(b.facet).replace(/_/g, " ") : String(b.dimension);
}

function blocksChart(box, label, blocks, caption) {
  const cats = blocks.map(blockLabel);
  const pts = blocks.map((b, i) =>
    b.suppressed || !isNum(b.mean)
      ? null
      : { mean: b.mean, lower: b.lower, upper: b.upper, colour: STATUS_COLOUR[b.status], tip: tip([cats[i], "mean " + fmt(b.mean) + " " + interval(b.lower, b.upper), "block " + b.status + ", n ≥ " + b.min_n]) }
  );
  chart(box, label, intervalOption(cats, [{ name: "mean", colour: GREY, points: pts }], [], { min: state.scale.min, max: state.scale.max }, 170));
  dataTable(
    box,
    "Block means (" + caption + ")",
    ["Block", "Mean", "Interval", "Status", "n"],
    blocks.map((b) => (b.suppressed ? [blockLabel(b), hiddenText(b), "", "", ""] : [blockLabel(b), figure(b, "mean").text, interval(b.lower, b.upper), b.status, b.min_n]))
  );
}

// ---------- trend ----------

function renderTrend(body) {
  const box = document.getElementById("trend-chart");
  const note = document.getElementById("trend-note");
  if (!body.previous) {
    note.textContent = "No previous wave to compare with" + (body.previous_reason ? ": " + body.previous_reason : ".");
    box.hidden = true;
    return;
  }
  const p = body.previous;
  note.textContent =
    "Against “" + p.title + "”" + (p.wave ? " (wave " + p.wave + ")" : "") + ". * = difference significant (Welch, p < .05, not adjusted). Chart: the organisation overall and on the six disciplines; every dimension and department row in the table.";
  // the chart: the overall score and the six disciplines (every dimension is in the table)
  const org = body.rows.filter((r) => r.department == null && (r.dimension === "employee" || /^disc\./.test(r.dimension)));
  const cats = org.map((r) => dimensionTitle(r.dimension) + (isNum(r.welch_p) && r.welch_p < 0.05 ? " *" : ""));
  const pt = (r, which) => (r.suppressed ? null : { mean: r["mean_" + which], tip: tip([dimensionTitle(r.dimension), "previous " + fmt(r.mean_previous) + " (n = " + r.n_previous + ")", "this wave " + fmt(r.mean_current) + " (n = " + r.n_current + ")", "difference " + fmt(r.difference) + ", p " + fmtP(r.welch_p)]) });
  chart(box, "Trend: " + org.length + " organisation measures, this wave against the previous wave", intervalOption(cats, [
    { name: "previous wave", colour: GREY, symbol: "emptyCircle", points: org.map((r) => pt(r, "previous")) },
    { name: "this wave", colour: BLUE, points: org.map((r) => pt(r, "current")) },
  ], [], {}));
  dataTable(
    box,
    "This wave against the previous wave",
    ["Measure", "Department", "Previous (n)", "This wave (n)", "Difference", "Welch p"],
    body.rows.map((r) =>
      r.suppressed
        ? [dimensionTitle(r.dimension), r.department, hiddenText(r), hiddenText(r), "", ""]
        : [dimensionTitle(r.dimension), r.department == null ? "Organisation" : r.department, fmt(r.mean_previous) + " (" + r.n_previous + ")", fmt(r.mean_current) + " (" + r.n_current + ")", fmt(r.difference), fmtP(r.welch_p)]
    )
  );
}

// ---------- department detail ----------

function clearChart(box) {
  for (const c of state.charts) {
    if (!c.isDisposed() && c.getDom() === box) {
      c.dispose();
    }
  }
  state.charts = state.charts.filter((c) => !c.isDisposed());
  let next = box.nextElementSibling;
  while (next && next.tagName === "DETAILS") {
    const after = next.nextElementSibling;
    next.remove();
    next = after;
  }
}

async function renderDepartment(option) {
  const status = document.getElementById("department-status");
  const body = document.getElementById("department-body");
  const box = document.getElementById("department-chart");
  const figs = document.getElementById("department-figures");
  clearChart(box);
  body.hidden = true;
  document.getElementById("department").dataset.state = "loading";
  status.textContent = "Loading " + option.name + "…";
  let d;
  let answer;
  try {
    answer = await report("/departments/" + option.id);
    d = answer.department;
  } catch (e) {
    status.textContent =
      e.status === 403
        ? option.name + ": not visible to you. Department heads see the organisation and their own department in detail."
        : option.name + ": could not load (" + (e.detail || e.message) + ").";
    document.getElementById("department").dataset.state = e.status === 403 ? "forbidden" : "error";
    return;
  }
  if (d.suppressed) {
    status.textContent = option.name + ": " + hiddenText(d) + " — no figures are shown.";
    document.getElementById("department").dataset.state = "suppressed";
    return;
  }
  const scales = d.scales || [];
  const all = scales.find((s) => s.scale === "employee");
  status.textContent = d.department + ": " + d.n + " respondents.";
  figs.replaceChildren();
  const add = (label, text) => {
    const div = el("div");
    div.appendChild(el("dt", null, label));
    div.appendChild(el("dd", text === fewer() || text === "not visible" ? "suppressed" : null, text));
    figs.appendChild(div);
  };
  add("Respondents", String(d.n));
  add("Mean (all items)", all ? figure(all, "mean").text + " " + interval(all.lower95, all.upper95) : "—");
  add("r_wg(J)", all ? figure(all, "rwg_j").text : "—");
  add("AD_M(J)", all ? figure(all, "ad_md").text : "—");
  const m = answer.maturity && answer.maturity.placement;
  if (m && !m.suppressed) {
    for (const [key, title, name] of LADDERS) {
      if (m[key]) {
        add(title, placementText(m[key], name));
      }
    }
    if (m.idic) {
      add("IDIC quadrant", m.idic.quadrant ? m.idic.quadrant.replace(/_/g, "-") : "not placed");
    }
  }
  const dims = scales.filter((s) => s.scale !== "employee");
  const cats = dims.map((s) => dimensionTitle(s.scale));
  box.classList.toggle("chart-tall", dims.length > 12);
  body.hidden = false;
  chart(box, d.department + ": mean score on " + dims.length + " dimensions with 95% intervals", intervalOption(cats, [
    { name: d.department, colour: BLUE, points: dims.map((s) => (s.suppressed ? null : { mean: s.mean, lower: s.lower95, upper: s.upper95 })) },
  ], [], { min: state.scale.min, max: state.scale.max }));
  dataTable(
    box,
    d.department + ": dimension scores",
    ["Dimension", "Mean", "95% interval", "r_wg(J)", "AD_M(J)", "n"],
    dims.map((s) =>
      s.suppressed
        ? [dimensionTitle(s.scale), hiddenText(s), "", "", "", ""]
        : [dimensionTitle(s.scale), figure(s, "mean").text, interval(s.lower95, s.upper95), figure(s, "rwg_j").text, figure(s, "ad_md").text, s.n_scored]
    )
  );
  itemTable(box.nextElementSibling, d.department, scales);
  document.getElementById("department").dataset.state = "shown";
}

/** Every item of the department (as the API gives them) in a table of its own. */
function itemTable(after, name, scales) {
  const rows = [];
  const seen = new Set();
  for (const s of scales) {
    for (const i of s.items || []) {
      if (seen.has(i.item)) {
        continue;
      }
      seen.add(i.item);
      rows.push(
        i.suppressed
          ? [i.item, hiddenText(i), "", "", "", ""]
          : [i.item, figure(i, "mean").text, figure(i, "sd").text, figure(i, "rwg").text, figure(i, "ad_m").text, i.n]
      );
    }
  }
  if (!rows.length) {
    return;
  }
  after.after(makeTable("Items (" + rows.length + "): mean, SD, r_wg, AD_M, n", name + ": items", ["Item", "Mean", "SD", "r_wg", "AD_M", "n"], rows));
}

function setUpDepartments(summary) {
  const select = document.getElementById("department-select");
  select.replaceChildren();
  const options = [];
  for (const d of summary.departments || []) {
    if (d.department_id == null) {
      continue; // the pool has no page of its own
    }
    const o = el("option", null, d.suppressed ? d.department + " (" + hiddenText(d) + ")" : d.department);
    o.value = String(d.department_id);
    select.appendChild(o);
    options.push({ id: d.department_id, name: d.department, hidden: d.suppressed === true });
  }
  if (!options.length) {
    document.getElementById("department-status").textContent = "No department is visible.";
    return;
  }
  const wanted = new URLSearchParams(location.search).get("department");
  const own = state.viewer && state.viewer.department;
  const pick =
    options.find((o) => String(o.id) === wanted) || options.find((o) => o.name === own) || options.find((o) => !o.hidden) || options[0];
  select.value = String(pick.id);
  const show = () => {
    const o = options.find((x) => String(x.id) === select.value);
    const url = new URL(location.href);
    url.searchParams.set("department", select.value);
    history.replaceState(null, "", url);
    return renderDepartment(o);
  };
  select.addEventListener("change", show);
  return show();
}

// ---------- comments ----------

function renderComments(body) {
  const list = document.getElementById("comment-list");
  const note = document.getElementById("comments-note");
  list.replaceChildren();
  const groups = body.groups || [];
  let count = 0;
  for (const g of groups) {
    const who = (g.population === "customer" ? "Customers" : "Employees") + (g.department ? ", " + g.department : "");
    if (g.suppressed) {
      const li = el("li", "suppressed", who + ": " + hiddenText(g) + " — comments not shown.");
      list.appendChild(li);
      continue;
    }
    for (const text of g.comments || []) {
      const li = el("li");
      li.appendChild(el("span", "who-said", who));
      li.appendChild(el("span", "comment-text", text));
      list.appendChild(li);
      count++;
    }
  }
  const more = body.page && body.page.next != null ? " (the first page; more through the API with ?after=" + body.page.next + ")" : "";
  note.textContent = count
    ? count + " comments" + more + ", in alphabetical order, without their authors’ other answers; only groups of at least " + state.k + " respondents."
    : "No comments to show (comments appear only for groups of at least " + state.k + " respondents).";
}

// ---------- campaign picker ----------

async function showPicker() {
  const campaigns = await api("/api/campaigns");
  const list = document.getElementById("campaigns");
  for (const c of campaigns) {
    const li = el("li");
    const a = el("a", null, c.title);
    a.href = "/app/dashboard/?campaign=" + encodeURIComponent(c.id);
    li.appendChild(a);
    li.appendChild(document.createTextNode(" — " + String(c.status).toLowerCase() + (c.wave ? ", wave " + c.wave : "") + ", " + c.opensOn + " to " + c.closesOn));
    list.appendChild(li);
  }
  document.getElementById("picker").hidden = false;
  document.getElementById("status").textContent = campaigns.length ? "Choose a campaign." : "No campaigns yet.";
}

// ---------- the report ----------

async function load(id) {
  state.campaignId = id;
  const summary = await report("");
  state.summary = summary;
  state.k = summary.k;
  state.scale = summary.scale;
  state.viewer = summary.viewer;
  for (const d of summary.dimensions || []) {
    if (d.title) {
      state.titles[d.dimension] = d.title;
    }
  }
  const c = summary.campaign;
  document.getElementById("title").textContent = "Alignment dashboard: " + c.title;
  const org = summary.organisation;
  document.getElementById("campaign-meta").textContent =
    (c.wave ? "Wave " + c.wave + ", " : "") + c.status + ". " +
    summary.respondents.employee + " employees and " + summary.respondents.customer + " customers answered" +
    (org && !org.suppressed ? "; organisation mean " + fmt(org.mean) + " " + interval(org.lower95, org.upper95) : "") +
    ". Groups of fewer than " + state.k + " are never shown" + (summary.transparency === "own_department_only" && summary.viewer.role !== "cx-admin" ? "; other departments are not visible to you" : "") + ".";
  document.getElementById("report").hidden = false;
  document.getElementById("status").textContent = "";
  await Promise.all([
    panel("verdict-summary", async () => renderVerdict(await report("/verdict"))),
    panel("heatmap-note", async () => renderHeatmap(await report("/heatmap"))),
    panel("network-note", async () => renderNetwork(await report("/network"))),
    panel("gap-note", async () => renderGap(await report("/gap"))),
    panel("maturity-note", async () => renderMaturity(await report("/maturity"))),
    panel("trend-note", async () => renderTrend(await report("/trend"))),
    panel("comments-note", async () => renderComments(await report("/comments"))),
    panel("department-status", async () => setUpDepartments(summary)),
  ]);
}

async function main() {
  const status = document.getElementById("status");
  try {
    await shell();
    const id = new URLSearchParams(location.search).get("campaign");
    if (!id || !/^[0-9]+$/.test(id)) {
      await showPicker();
    } else {
      await load(id);
    }
    document.body.dataset.ready = "true";
  } catch (e) {
    status.textContent =
      e.status === 409
        ? "Results are not published yet: " + (e.detail || "the campaign is still open.")
        : e.status === 404
        ? "No such campaign."
        : "Could not load the dashboard: " + (e.detail || e.message);
    document.body.dataset.ready = "error";
  }
}

window.addEventListener("resize", () => state.charts.forEach((c) => c.resize()));
document.addEventListener("DOMContentLoaded", main);
