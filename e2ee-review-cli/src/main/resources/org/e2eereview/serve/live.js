// The live review page of `e2ee-review serve`: when the server says a new review is ready, the page
// asks it which of its parts changed (same URL: same token, same what-if) and swaps just those in
// place, keeping the reader's scroll position and which sections are open; a large page then costs
// the browser the parts a save changed, not the whole. When the server cannot say (the version shown is
// no longer held, or the page changed shape), the page fetches itself whole and swaps every part.
// It talks to nothing but its own server.
(function () {
  'use strict';
  const whole = ['header', '#live', 'main', 'footer'];

  function shownVersion() {
    const live = document.getElementById('live');
    return live ? live.dataset.version : null;
  }

  // Open sections by position, and the scroll position, restored after a swap.
  function keepingPlace(swap) {
    const x = window.scrollX, y = window.scrollY;
    const open = Array.from(document.querySelectorAll('details')).map(d => d.open);
    swap();
    document.querySelectorAll('details').forEach((d, i) => { if (i < open.length) d.open = open[i]; });
    window.scrollTo(x, y);
    wire();
  }

  async function update() {
    const url = new URL(location.href);
    url.pathname = '/parts';
    url.searchParams.set('since', shownVersion());
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return;
    const answer = await response.json();
    const swaps = answer.whole ? null : answer.parts.map(part);
    if (swaps === null || swaps.includes(null)) return updateWhole();
    if (swaps.length === 0) return;
    keepingPlace(() => swaps.forEach(swap => swap()));
  }

  // How to put one changed part in place, or null if this page has no such element or the part is not one.
  function part(p) {
    const now = document.querySelector(p.key);
    const t = document.createElement('template');
    if (p.key === 'main') {
      // Only its opening tag is a part of its own: whether the review shown is stale.
      t.innerHTML = p.html + '</main>';
      const then = t.content.firstElementChild;
      return now && then ? () => { now.className = then.className; } : null;
    }
    t.innerHTML = p.html;
    const then = t.content.children.length === 1 ? t.content.firstElementChild : null;
    return now && then ? () => now.replaceWith(then) : null;
  }

  async function updateWhole() {
    const response = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    keepingPlace(() => {
      for (const selector of whole) {
        const now = document.querySelector(selector), then = next.querySelector(selector);
        if (now && then) now.replaceWith(document.adoptNode(then));
      }
      document.title = next.title;
    });
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
