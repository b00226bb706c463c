// Browser-side helpers of the playground: Graphviz rendering (@viz-js/viz), clipboard, URL state.
window.fexPlayground = {
  vizPromise: null,
  viz() {
    // lib/viz-global.js is an async script: wait for its load event unless it has run already.
    if (!this.vizPromise) this.vizPromise = (window.Viz ? Promise.resolve() : new Promise((resolve, reject) => {
      const script = document.getElementById("viz-script");
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => reject(new Error("lib/viz-global.js did not load")));
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
