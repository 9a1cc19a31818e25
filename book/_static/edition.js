/* Draws the book's charts (compiled to Vega when the book is built, one file per chart) when each
   comes near the viewport, loading the chart libraries only then: a reader
   on a slow phone gets the text at once. For screen-reader users and anyone who wants the numbers,
   each chart also offers its data as a table, built only when the reader opens the chart's "data"
   disclosure, so it costs nothing until then. */
(function () {
  const ROW_LIMIT = 500;

  function cell(tag, text, scope) {
    const element = document.createElement(tag);
    element.textContent = text === null || text === undefined ? "" : String(text);
    if (scope) element.scope = scope;
    return element;
  }

  function table(rows, caption) {
    const columns = [...new Set(rows.flatMap(row => Object.keys(row)))];
    const result = document.createElement("table");
    result.appendChild(cell("caption", caption));
    const head = result.createTHead().insertRow();
    columns.forEach(column => head.appendChild(cell("th", column, "col")));
    const body = result.createTBody();
    rows.slice(0, ROW_LIMIT).forEach(row => {
      const line = body.insertRow();
      columns.forEach(column => line.appendChild(cell("td", row[column])));
    });
    return result;
  }

  async function fillTables(details, spec) {
    const holder = details.querySelector(".chart-data-scroll");
    for (const data of spec.data || []) {
      let rows = Array.isArray(data.values) ? data.values : null;
      if (!rows && data.url) rows = await (await fetch(data.url)).json();
      if (!rows || !rows.length || typeof rows[0] !== "object") continue;
      const shown = rows.length > ROW_LIMIT ? ` (the first ${ROW_LIMIT} of ${rows.length} rows)` : "";
      holder.appendChild(table(rows, `Data of the chart: ${rows.length} rows${shown}`));
    }
  }

  // The chart libraries (vega, vega-embed), named relative to this script by the build.
  const script = document.currentScript;
  const libraries = (script.dataset.libraries || "").split(" ").filter(Boolean).map(path => new URL(path, script.src).href);
  let librariesLoaded = null;

  function loadLibraries() {
    librariesLoaded = librariesLoaded || libraries.reduce((previous, src) => previous.then(() => new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = () => reject(new Error("could not load " + src));
      document.head.appendChild(tag);
    })), Promise.resolve());
    return librariesLoaded;
  }

  const fetched = new Map();  // chart element -> its compiled spec and options, fetched once

  function chartOf(element) {
    if (!fetched.has(element)) {
      fetched.set(element, fetch(element.dataset.spec).then(response => {
        if (!response.ok) throw new Error(`${element.dataset.spec}: HTTP ${response.status}`);
        return response.json();
      }));
    }
    return fetched.get(element);
  }

  // Vega does not wrap titles: break the chart's title and subtitle into lines that fit the
  // chart's width (about 0.6 em a character), so a phone never cuts them off.
  function wrap(text, fontSize, width) {
    if (typeof text !== "string") return text;
    const perLine = Math.max(16, Math.floor((width - 16) / (fontSize * 0.62)));
    const lines = [];
    for (const word of text.split(" ")) {
      const last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= perLine) lines[last] += " " + word;
      else lines.push(word);
    }
    return lines.length > 1 ? lines : text;
  }

  function fitted(spec, width) {
    const copy = JSON.parse(JSON.stringify(spec));
    // several legends below a chart stand one under another, not side by side past its edge
    copy.config = copy.config || {};
    copy.config.legend = Object.assign({}, copy.config.legend, {
      layout: {bottom: {anchor: "start", direction: "vertical", margin: 8}},
    });
    if (width < 560) {
      // a phone: legends in one column, and axis labels no wider than about a third of the chart
      const limit = Math.round(width / 3);
      const walk = node => {
        if (!node || typeof node !== "object") return;
        for (const legend of node.legends || []) { legend.columns = 1; legend.labelLimit = Math.min(legend.labelLimit || 170, width - 60); }
        for (const axis of node.axes || []) if (axis.labelLimit === undefined || axis.labelLimit > limit) axis.labelLimit = limit;
        (node.marks || []).forEach(walk);
      };
      walk(copy);
      copy.config.legend.columns = 1;
    }
    if (copy.title && typeof copy.title === "object") {
      copy.title.text = wrap(copy.title.text, copy.title.fontSize || 15, width);
      copy.title.subtitle = wrap(copy.title.subtitle, copy.title.subtitleFontSize || 12, width);
    }
    return copy;
  }

  function draw(element) {
    if (element.dataset.drawing) return;
    element.dataset.drawing = "yes";
    Promise.all([chartOf(element), loadLibraries()]).then(([chart]) => vegaEmbed(element, fitted(chart.spec, element.clientWidth || 640), chart.options)).catch(error => {
      element.textContent = "This chart could not be drawn: " + error.message;
      console.error(error);
    });
  }

  function offerData(element) {
    const details = document.getElementById(element.id + "-data");
    if (!details) return;
    details.addEventListener("toggle", () => {
      if (details.open && !details.dataset.filled) {
        details.dataset.filled = "yes";
        chartOf(element).then(chart => fillTables(details, chart.spec));
      }
    });
  }

  function start() {
    const charts = [...document.querySelectorAll(".edition-chart")];
    charts.forEach(offerData);
    // Print everything; and draw all at once where the browser cannot tell what is in view.
    window.addEventListener("beforeprint", () => charts.forEach(draw));
    if (!("IntersectionObserver" in window)) return charts.forEach(draw);
    const observer = new IntersectionObserver(entries => entries.forEach(entry => {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        draw(entry.target);
      }
    }), {rootMargin: "600px 0px"});  // start a screen or so early, so a scrolling reader seldom waits
    charts.forEach(chart => observer.observe(chart));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
