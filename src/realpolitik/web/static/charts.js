// Renders every chart on the page from the Vega-Lite (or Vega) spec embedded beside it as JSON.
// Marks carry an "href" to the events behind them; vega-embed opens them in the same tab.
(function () {
  "use strict";
  function render(el) {
    var source = document.getElementById(el.getAttribute("data-spec"));
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    var opts = { renderer: "svg", actions: false, loader: { target: "_self" }, tooltip: true };
    vegaEmbed(el, spec, opts).then(function () {
      el.setAttribute("data-rendered", "true");
    }).catch(function (err) {
      el.setAttribute("data-rendered", "error");
      el.textContent = "Chart could not be drawn: " + err;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var charts = document.querySelectorAll("[data-spec]");
    for (var i = 0; i < charts.length; i++) { render(charts[i]); }
  });
})();
