/* Veritally live figures: polls the JSON API and updates numbers in place. Optional: every page is
   complete without it. No dependencies. */
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'en';
  var num = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  var pct = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var EVERY = 5000;
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
  function poll() {
    if (document.hidden) return;
    document.querySelectorAll('[data-api]').forEach(function (el) {
      var sec = el.closest('section');
      fetch(el.getAttribute('data-api'), { headers: { Accept: 'application/json' } })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (r) { if (r && sec) apply(sec, r); })
        .catch(function () { /* offline or mirror: keep the figures served */ });
    });
  }
  setInterval(poll, EVERY);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) poll(); });
})();
