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

  function draw(element) {
    if (element.dataset.drawing) return;
    element.dataset.drawing = "yes";
    Promise.all([chartOf(element), loadLibraries()]).then(([chart]) => vegaEmbed(element, chart.spec, chart.options)).catch(error => {
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
