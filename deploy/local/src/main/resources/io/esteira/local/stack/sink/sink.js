// Refreshes the list of deliveries every 3 s. The server renders and escapes the list (/deliveries);
// this script only swaps it in, so no alert text is ever turned into markup here.
(function () {
  'use strict';
  var EVERY_MS = 3000;
  var list = document.getElementById('deliveries');
  var refreshed = document.getElementById('refreshed');
  var last = null;

  function refresh() {
    fetch('/deliveries', { cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the sink answered ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (html !== last) {
          list.innerHTML = html;
          last = html;
        }
        refreshed.textContent = 'refreshed at ' + new Date().toLocaleTimeString();
      })
      .catch(function (error) {
        refreshed.textContent = 'not refreshed: ' + error.message + ' (has the demo stopped?)';
      });
  }

  setInterval(refresh, EVERY_MS);
})();
