// Kept fresh without a reload: the projector's counts; and a phone that answered, waiting on
// the closed page, is shown the way to the sense-check when it opens. Without this script
// the projector has a Refresh link and the phone a refresh.
(function () {
  "use strict";
  if (!window.fetch) { return; }
  function poll(url, every, seen) {
    function tick() {
      fetch(url, { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) { seen(data); } })
        .catch(function () {});
    }
    window.setInterval(tick, every);
  }
  var counts = document.getElementById("counts");
  if (counts) {
    var closed = counts.getAttribute("data-closed") === "1";
    var checking = counts.getAttribute("data-checking") === "1";
    poll("/projector/counts", 3000, function (data) {
      if (data.closed !== closed || data.checking !== checking) { window.location.reload(); return; }
      ["joined", "finished", "lived", "professional"].forEach(function (key) {
        var cell = counts.querySelector('[data-count="' + key + '"]');
        if (cell && cell.textContent !== String(data[key])) { cell.textContent = String(data[key]); }
      });
    });
  }
  if (document.getElementById("watch-round")) {
    // To the room's address, not a reload: this page may be the answer to a form.
    poll("/check/state", 5000, function (data) { if (data.open) { window.location.assign("/"); } });
  }
})();
