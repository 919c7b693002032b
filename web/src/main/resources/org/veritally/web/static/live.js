/* Veritally live figures: listens to the server's checkpoints (Server-Sent Events, /api/events) and, when a
   checkpoint changed a unit a section shows, fetches that section's JSON and updates its numbers in place.
   Falls back to polling every 5 s only without EventSource or when the stream keeps failing. Optional: every
   page is complete without it. No dependencies. */
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'en';
  var num = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  var pct = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var EVERY = 5000;
  var FAILURES = 3; // stream failures in a row before falling back to polling
  var foot = document.querySelector('footer[data-log-size]');
  var seen = foot ? foot.getAttribute('data-log-size') : null;
  var stale = false;
  function share(a, b) { return b > 0 ? pct.format(a / b) : '\u2013'; }
  function q(scope, attr, key) { return scope.querySelectorAll('[' + attr + '="' + CSS.escape(key) + '"]'); }
  function set(list, text) { list.forEach(function (e) { if (e.textContent !== text) e.textContent = text; }); }
  function apply(sec, r) {
    // Coverage divides by the denominator the answer names: the declared universe, else the catalogue.
    var d = r.denominator || { stations: r.stationsTotal, registered: r.registeredVotersTotal };
    ['stationsReporting', 'validVotes', 'nullVotes', 'blankVotes', 'ballotsCast'].forEach(function (f) {
      set(q(sec, 'data-f', f), num.format(r[f]));
    });
    set(q(sec, 'data-f', 'stationsTotal'), num.format(d.stations));
    set(q(sec, 'data-f', 'stationsShare'), share(r.stationsReporting, d.stations));
    set(q(sec, 'data-f', 'registeredShare'), share(r.registeredVoters, d.registered));
    r.candidates.forEach(function (k) {
      set(q(sec, 'data-cand', k.id), num.format(k.votes));
      set(q(sec, 'data-share', k.id), share(k.votes, r.validVotes));
      q(sec, 'data-bar', k.id).forEach(function (e) {
        e.style.width = (r.validVotes > 0 ? (100 * k.votes / r.validVotes).toFixed(1) : '0') + '%';
      });
    });
  }
  function refresh(el) {
    var sec = el.closest('section');
    fetch(el.getAttribute('data-api'), { headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (r) { if (r && sec) apply(sec, r); })
      .catch(function () { /* offline: keep the figures served */ });
  }
  /* The unit a section shows: its data-api's unit parameter; '' is the whole election, which every change
     touches. */
  function unitOf(el) {
    try { return new URL(el.getAttribute('data-api'), location.href).searchParams.get('unit') || ''; }
    catch (e) { return ''; }
  }
  function refreshTouched(all, units) {
    if (document.hidden) { stale = true; return; }
    document.querySelectorAll('[data-api]').forEach(function (el) {
      var u = unitOf(el);
      if (all || (u === '' ? units.length > 0 : units.indexOf(u) >= 0)) refresh(el);
    });
  }
  function poll() {
    if (!document.hidden) document.querySelectorAll('[data-api]').forEach(refresh);
  }
  var polling = null;
  function startPolling() {
    document.documentElement.setAttribute('data-live', 'polling');
    if (polling === null) polling = setInterval(poll, EVERY);
  }
  var failures = 0;
  function listen() {
    var src = '/api/events' + (seen !== null ? '?since=' + encodeURIComponent(seen) : '');
    var es = new EventSource(src);
    es.addEventListener('open', function () {
      failures = 0;
      document.documentElement.setAttribute('data-live', 'events');
    });
    es.addEventListener('checkpoint', function (ev) {
      var d;
      try { d = JSON.parse(ev.data); } catch (e) { return; }
      seen = String(d.size);
      refreshTouched(d.allUnits === true, d.units || []);
    });
    es.addEventListener('error', function () {
      failures++;
      if (failures < FAILURES && es.readyState !== EventSource.CLOSED) return; // the browser reconnects
      es.close();
      if (failures >= FAILURES) startPolling();
      else setTimeout(listen, 3000 * failures); // refused (503) or not there: try again later, then poll
    });
  }
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && stale) { stale = false; poll(); }
  });
  if (!document.querySelector('[data-api]')) return;
  if (typeof EventSource === 'function') listen();
  else startPolling();
})();

/* Transcription page: checks the arithmetic as the figures are typed (TS-SUM, TS-FLAG-ZERO) and asks for the
   confirmation only when the figures break a rule. Optional: the server checks again whatever this says. */
(function () {
  'use strict';
  var form = document.getElementById('tr-form');
  if (!form) return;
  var out = document.getElementById('tr-check');
  var box = document.getElementById('tr-confirm');
  var boxP = document.getElementById('tr-confirm-p');
  function val(e) { return /^[0-9]+$/.test(e.value.trim()) ? parseInt(e.value.trim(), 10) : null; }
  function check() {
    var votes = form.querySelectorAll('input[data-role="vote"]');
    var sum = 0, all = true, zero = true;
    votes.forEach(function (e) { var v = val(e); if (v === null) all = false; else { sum += v; if (v) zero = false; } });
    var valid = val(form.querySelector('input[data-role="valid"]'));
    var nul = val(form.querySelector('input[data-role="null"]'));
    if (!all || valid === null || nul === null) { out.textContent = ''; out.className = 'check'; boxP.hidden = !box.checked; return; }
    var msg = [];
    if (sum !== valid) msg.push(out.getAttribute('data-sum').replace('{0}', sum).replace('{1}', valid));
    if (zero && valid === 0 && nul === 0) msg.push(out.getAttribute('data-zero'));
    out.textContent = msg.length ? msg.join(' ') : out.getAttribute('data-ok');
    out.className = 'check ' + (msg.length ? 'bad' : 'good');
    boxP.hidden = msg.length === 0 && !box.checked;
    box.required = msg.length > 0;
  }
  form.addEventListener('input', check);
  check();
})();
