// dyadwatch dashboard: charts from inline JSON specs, and marks that explain themselves.
// Loaded from this server only; no inline scripts (the Content-Security-Policy forbids them).
(function () {
  "use strict";

  function renderCharts(root) {
    if (typeof window.vegaEmbed !== "function") return;
    root.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (node) {
      var target = document.getElementById(node.getAttribute("data-chart"));
      if (!target || target.dataset.rendered) return;
      target.dataset.rendered = "1";
      var spec;
      try { spec = JSON.parse(node.textContent); } catch (e) { return; }
      window.vegaEmbed(target, spec, {
        renderer: "svg",
        ast: true, // interpret expressions: no eval, so the CSP needs no 'unsafe-eval'
        actions: { export: true, source: false, compiled: false, editor: false },
        tooltip: true
      }).catch(function (err) {
        target.textContent = "The chart could not be drawn: " + err.message;
      });
    });
  }

  // A click on a marked span (actor, trigger, quote, figure) opens its explanation card.
  function onClick(event) {
    var mark = event.target.closest("[data-card]");
    if (!mark || event.target.closest("a")) return;
    var card = document.getElementById(mark.getAttribute("data-card"));
    if (!card) return;
    history.replaceState(null, "", "#" + card.id);
    card.scrollIntoView({ block: "nearest" });
    card.focus({ preventScroll: true });
    document.querySelectorAll(".card.flash").forEach(function (c) { c.classList.remove("flash"); });
    card.classList.add("flash");
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderCharts(document);
    document.addEventListener("click", onClick);
  });
  // The list is replaced in place (htmx) when a facet, chip or page link is followed: keep the
  // keyboard user's place by focusing the same control in the new list (or its heading), instead
  // of leaving focus on the page body.
  var lastFocus = null;
  document.addEventListener("htmx:beforeRequest", function () {
    var el = document.activeElement;
    lastFocus = el && el !== document.body ? {
      facet: el.getAttribute("data-facet"), value: el.getAttribute("data-value"),
      rel: el.getAttribute("rel"), id: el.id
    } : null;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    renderCharts(event.target);
    var list = document.getElementById("list");
    if (!list || !lastFocus || (document.activeElement && document.activeElement !== document.body)) return;
    var f = lastFocus, target = null;
    lastFocus = null;
    if (f.facet) {
      target = Array.prototype.find.call(list.querySelectorAll("a[data-facet]"), function (a) {
        return a.getAttribute("data-facet") === f.facet && a.getAttribute("data-value") === f.value;
      });
    } else if (f.rel) {
      target = list.querySelector('a[rel="' + f.rel + '"]');
    }
    (target || document.getElementById("results-h")).focus();
  });
})();
