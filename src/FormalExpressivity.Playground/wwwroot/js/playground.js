// Browser-side helpers of the playground: Graphviz rendering (@viz-js/viz), clipboard, URL state.
window.fexPlayground = {
  vizPromise: null,
  viz() {
    if (!this.vizPromise) this.vizPromise = Viz.instance();
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
