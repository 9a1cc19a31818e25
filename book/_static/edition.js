/* Draws the book's charts (compiled to Vega when the book is built) and, for screen-reader users
   and anyone who wants the numbers, gives each chart its data as a table. The table is built only
   when the reader opens the chart's "data" disclosure, so it costs nothing until then. */
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

  window.editionChart = function (id, spec, options) {
    const element = document.getElementById(id);
    vegaEmbed(element, spec, options).catch(error => {
      element.textContent = "This chart could not be drawn: " + error.message;
      throw error;
    });
    const details = document.getElementById(id + "-data");
    if (details) {
      details.addEventListener("toggle", () => {
        if (details.open && !details.dataset.filled) {
          details.dataset.filled = "yes";
          fillTables(details, spec);
        }
      });
    }
  };
})();
