// cckg web page: small conveniences on top of server-rendered HTML. Nothing here is
// needed to use the page; no data is inserted as HTML.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const editor = document.getElementById("query");
  const form = document.getElementById("query-form");
  if (editor && form) {
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        const run = form.querySelector("button[name=run]");
        if (form.requestSubmit && run) form.requestSubmit(run); else form.submit();
      } else if (event.key === "Tab" && !event.shiftKey) {
        event.preventDefault();
        const start = editor.selectionStart;
        editor.setRangeText("  ", start, editor.selectionEnd, "end");
      }
    });
    form.addEventListener("submit", () => {
      const run = form.querySelector("button[name=run]");
      if (run) run.textContent = "运行中… Running";
    });
  }

  // Click a column heading to sort the table by it (numbers as numbers).
  for (const table of document.querySelectorAll("table.sortable")) {
    const headings = table.tHead ? Array.from(table.tHead.rows[0].cells) : [];
    headings.forEach((heading, column) => {
      heading.title = "Sort";
      heading.addEventListener("click", () => {
        const body = table.tBodies[0];
        const ascending = heading.dataset.sorted !== "asc";
        headings.forEach((h) => delete h.dataset.sorted);
        heading.dataset.sorted = ascending ? "asc" : "desc";
        const key = (row) => (row.cells[column] ? row.cells[column].textContent.trim() : "");
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          const nx = Number(x), ny = Number(y);
          const order = x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)
            ? nx - ny
            : x.localeCompare(y, "zh");
          return ascending ? order : -order;
        });
        for (const row of rows) body.appendChild(row);
      });
    });
  }
});
