// Article view: bring the highlighted (focused) event into view when the page opens.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var el = document.querySelector(".article-text .focus");
  if (el) { el.scrollIntoView({ block: "center" }); }
});
