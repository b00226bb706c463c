// Browser-side helpers of the playground: Graphviz rendering (@viz-js/viz), clipboard, URL state.
window.fexPlayground = {
  vizPromise: null,
  viz() {
    // lib/viz-global.js is preloaded by index.html (downloaded early) and run here, on the first drawing: its
    // parsing and Graphviz's WebAssembly compilation stay off the path to the first result.
    if (!this.vizPromise) this.vizPromise = (window.Viz ? Promise.resolve() : new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = "lib/viz-global.js";
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => reject(new Error("lib/viz-global.js did not load")));
      document.head.appendChild(script);
    })).then(() => Viz.instance());
    return this.vizPromise;
  },
  // Renders DOT into the element with the given id; returns an error message or "".
  async renderDot(id, dot) {
    const el = document.getElementById(id);
    if (!el) return "no element " + id;
    try {
      const viz = await this.viz();
      const svg = viz.renderSVGElement(dot);
      el.replaceChildren(svg);
      return "";
    } catch (e) {
      el.textContent = String(e);
      return String(e);
    }
  },
  async copy(text) {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
  },
  replaceUrl(url) { history.replaceState(null, "", url); },
};
