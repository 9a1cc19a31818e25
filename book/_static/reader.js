/* The reader's tools, on every page and without a kernel:
   - a layer switch: narrative, sources, data and method can each be hidden; the choice is kept
     (localStorage) from page to page and applies to print as well;
   - "Cite this chapter" completed with the page's address, today's date and a chosen paragraph;
   - previews of glossary terms, citations, figures and chapters on hover, keyboard focus or a first
     tap, read from the book's own pages (nothing is fetched from elsewhere). */
(function () {
  "use strict";
  const LAYERS = {
    narrative: "Narrative",
    sources: "Sources",
    data: "Data",
    method: "Method",
  };
  const STORE = "edition-hidden-layers";

  function hiddenLayers() {
    try {
      return new Set(JSON.parse(localStorage.getItem(STORE) || "[]").filter(l => l in LAYERS));
    } catch (error) {
      return new Set();
    }
  }

  function applyLayers(hidden) {
    for (const layer in LAYERS) {
      document.documentElement.classList.toggle(`hide-${layer}`, hidden.has(layer));
    }
  }

  function layerSwitch() {
    const article = document.querySelector(".bd-article");
    const heading = article && article.querySelector("h1");
    if (!heading || !article.querySelector(".paragraph-number")) return;  // chapters only
    const hidden = hiddenLayers();
    const box = document.createElement("fieldset");
    box.className = "layer-switch";
    const legend = document.createElement("legend");
    legend.textContent = "Show";
    box.appendChild(legend);
    for (const [layer, label] of Object.entries(LAYERS)) {
      const field = document.createElement("label");
      const input = document.createElement("input");
      input.type = "checkbox";
      input.name = "layer";
      input.value = layer;
      input.checked = !hidden.has(layer);
      input.addEventListener("change", () => {
        const now = hiddenLayers();
        if (input.checked) now.delete(layer); else now.add(layer);
        localStorage.setItem(STORE, JSON.stringify([...now]));
        applyLayers(now);
      });
      field.append(input, " ", label);
      box.appendChild(field);
    }
    heading.insertAdjacentElement("afterend", box);
  }

  function citeThis() {
    const box = document.querySelector(".cite-this");
    if (!box) return;
    const address = location.href.split("#")[0];
    box.querySelector(".cite-url").textContent = address;
    box.querySelector(".cite-date").textContent = new Date().toISOString().slice(0, 10);
    const paragraph = () => {
      const match = /^#p-(\d+)$/.exec(location.hash);
      box.querySelector(".cite-paragraph").textContent = match ? `, para. ${match[1]}` : "";
    };
    paragraph();
    addEventListener("hashchange", paragraph);
  }

  /* Previews */
  const pages = new Map();
  let open = null;

  function targetOf(link) {
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return null;
    const id = decodeURIComponent(url.hash.slice(1));
    const local = url.pathname === location.pathname;
    if (id.startsWith("term-") || /bibliography\.html$/.test(url.pathname) || id.startsWith("fig-")) {
      return { url, id, local };
    }
    if (!id && !local && /\.html$/.test(url.pathname) && link.closest(".bd-article")) {
      return { url, id: "", local };  // a chapter: its opening paragraph
    }
    return null;
  }

  async function pageDocument(url) {
    const key = url.pathname;
    if (!pages.has(key)) {
      pages.set(key, fetch(key).then(r => (r.ok ? r.text() : "")).then(
        text => new DOMParser().parseFromString(text, "text/html")));
    }
    return pages.get(key);
  }

  async function previewContent(target) {
    const doc = target.local ? document : await pageDocument(target.url);
    let node;
    if (!target.id) {
      node = doc.querySelector(".bd-article section > p");
    } else {
      const found = doc.getElementById(target.id);
      if (!found) return null;
      if (found.tagName === "DT") {
        node = document.createElement("div");
        node.append(found.cloneNode(true));
        if (found.nextElementSibling) node.append(found.nextElementSibling.cloneNode(true));
        return node;
      }
      node = found.matches("figure, .citation, dd, dt, p, div") ? found : found.closest("figure, div, p");
      if (node && node.tagName === "FIGURE") node = node.querySelector("figcaption") || node;
    }
    return node ? node.cloneNode(true) : null;
  }

  function close() {
    if (!open) return;
    open.link.removeAttribute("aria-describedby");
    open.box.remove();
    open = null;
  }

  async function show(link) {
    const target = targetOf(link);
    if (!target || (open && open.link === link)) return false;
    const content = await previewContent(target);
    if (!content) return false;
    close();
    content.querySelectorAll("[id]").forEach(node => node.removeAttribute("id"));
    content.querySelectorAll(".paragraph-number, a.headerlink").forEach(node => node.remove());
    const box = document.createElement("div");
    box.className = "edition-preview";
    box.id = "edition-preview";
    box.setAttribute("role", "tooltip");
    box.append(content);
    document.body.append(box);
    const place = link.getBoundingClientRect();
    const top = place.bottom + scrollY + 6;
    box.style.top = `${top}px`;
    box.style.left = `${Math.max(8, Math.min(place.left + scrollX, scrollX + innerWidth - box.offsetWidth - 8))}px`;
    link.setAttribute("aria-describedby", box.id);
    open = { link, box };
    return true;
  }

  function previews() {
    const article = document.querySelector(".bd-article");
    if (!article) return;
    article.addEventListener("mouseover", event => {
      const link = event.target.closest("a[href]");
      if (link) show(link);
    });
    article.addEventListener("focusin", event => {
      const link = event.target.closest("a[href]");
      if (link) show(link); else close();
    });
    article.addEventListener("mouseout", event => {
      const link = event.target.closest("a[href]");
      if (link && open && open.link === link && !link.contains(event.relatedTarget)) close();
    });
    // on touch, a first tap on a previewable link shows its preview; a second tap follows it
    article.addEventListener("click", event => {
      const link = event.target.closest("a[href]");
      if (!link || !matchMedia("(hover: none)").matches || !targetOf(link)) return;
      if (!(open && open.link === link)) {
        event.preventDefault();
        show(link);
      }
    });
    addEventListener("keydown", event => { if (event.key === "Escape") close(); });
  }

  applyLayers(hiddenLayers());
  const ready = () => { layerSwitch(); citeThis(); previews(); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
