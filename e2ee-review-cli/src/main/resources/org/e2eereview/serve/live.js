// The live review page of `e2ee-review serve`: when the server says a new review is ready, the page
// fetches itself again (same URL: same token, same what-if) and swaps its parts in place, keeping
// the reader's scroll position and which sections are open. It talks to nothing but its own server.
(function () {
  'use strict';
  const parts = ['header', '#live', 'main', 'footer'];

  function shownVersion() {
    const live = document.getElementById('live');
    return live ? live.dataset.version : null;
  }

  function openSections() {
    return Array.from(document.querySelectorAll('details')).map(d => d.open);
  }

  async function update() {
    const response = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const x = window.scrollX, y = window.scrollY;
    const open = openSections();
    for (const selector of parts) {
      const now = document.querySelector(selector), then = next.querySelector(selector);
      if (now && then) now.replaceWith(document.adoptNode(then));
    }
    document.querySelectorAll('details').forEach((d, i) => { if (i < open.length) d.open = open[i]; });
    document.title = next.title;
    window.scrollTo(x, y);
    wire();
  }

  // A change to the what-if panel shows its result at once; the URL then says what is shown.
  function wire() {
    const form = document.getElementById('what-if');
    if (form && !form.dataset.wired) {
      form.dataset.wired = 'true';
      form.addEventListener('change', () => form.requestSubmit());
    }
  }

  let busy = Promise.resolve();
  function start() {
    wire();
    const token = new URLSearchParams(location.search).get('token');
    const events = new EventSource('/events?token=' + encodeURIComponent(token));
    events.onmessage = e => {
      if (e.data !== shownVersion()) busy = busy.then(update).catch(() => {});
    };
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
