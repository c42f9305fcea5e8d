// The projector's counts, kept fresh; without this script the page has a Refresh link.
(function () {
  "use strict";
  var counts = document.getElementById("counts");
  if (!counts || !window.fetch) { return; }
  var closed = counts.getAttribute("data-closed") === "1";
  function tick() {
    fetch("/projector/counts", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        if (data.closed !== closed) { window.location.reload(); return; }
        ["joined", "finished", "lived", "professional"].forEach(function (key) {
          var cell = counts.querySelector('[data-count="' + key + '"]');
          if (cell && cell.textContent !== String(data[key])) { cell.textContent = String(data[key]); }
        });
      })
      .catch(function () {});
  }
  window.setInterval(tick, 3000);
})();
