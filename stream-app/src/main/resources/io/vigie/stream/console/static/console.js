// Vigie review console: plain JavaScript, no build step. The pages work without it; it adds the queue's
// refresh and reveals text in place (the reveal is still recorded in the audit topic, with the page's CSRF token).
(function () {
  'use strict';
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : null;

  // the queue refreshes itself every few seconds, keeping the filters
  var queue = document.getElementById('queue');
  if (queue && queue.getAttribute('data-refresh')) {
    var url = queue.getAttribute('data-refresh');
    window.setInterval(function () {
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) { queue.innerHTML = html; } })
        .catch(function () { /* next tick */ });
    }, 3000);
  }

  // "Reveal text": unblur in place once the console has recorded the reveal
  var reveal = document.getElementById('reveal-form');
  var alertPage = document.getElementById('alert');
  if (reveal && alertPage && csrf) {
    reveal.addEventListener('submit', function (e) {
      e.preventDefault();
      fetch(reveal.getAttribute('action'), { method: 'POST', credentials: 'same-origin',
                                            headers: { 'X-CSRF-Token': csrf } })
        .then(function (r) {
          if (r.ok) { alertPage.classList.remove('blurred'); }
        });
    });
  }

  // a dismissal bans nobody: the action goes back to "none"
  var dismissed = document.getElementById('verdict-dismissed');
  var action = document.getElementById('action');
  if (dismissed && action) {
    dismissed.addEventListener('change', function () { if (dismissed.checked) { action.value = 'NONE'; } });
  }
}());
