// The screenshot guard, run in the page before every picture. arguments: [secrets, mask, window].
// Masks every occurrence of every known secret (and every piece of `window` characters of one) in text
// nodes, input values and attributes, and whatever a "Client Secret" label shows, even before the harness
// has read it. A MutationObserver keeps doing so for as long as the document lives, so a re-render between
// this call and the capture is masked before it is painted. Returns what it proved.
var SECRETS = arguments[0], MASK = arguments[1], W = arguments[2];
var g = window.__harnessGuard;
if (!g) {
  g = window.__harnessGuard = { secrets: [], token: Math.random().toString(36).slice(2) };
  g.pieces = function () {
    var out = [];
    g.secrets.forEach(function (s) {
      if (s.length <= W) { out.push(s); return; }
      for (var i = 0; i + W <= s.length; i++) out.push(s.substr(i, W));
    });
    return out;
  };
  var LABEL = /^\s*client\s*secret\s*:?\s*$/i, PREFIXED = /^(\s*client\s*secret\s*:?\s*)\S[\s\S]*$/i;
  var leaks = function (t, pieces) {
    if (!t) return false;
    for (var i = 0; i < pieces.length; i++) if (t.indexOf(pieces[i]) >= 0) return true;
    return false;
  };
  var setText = function (n, v) { if (n.nodeValue !== v) n.nodeValue = v; };
  var setValue = function (el, v) {
    if (el.value && el.value !== v) el.value = v;
    if (el.getAttribute('value') && el.getAttribute('value') !== v) el.setAttribute('value', v);
  };
  var roots = function () {
    var out = [document], i, j;
    for (i = 0; i < out.length; i++) {
      var all = out[i].querySelectorAll('*');
      for (j = 0; j < all.length; j++) {
        if (all[j].shadowRoot) out.push(all[j].shadowRoot);
        if (all[j].tagName === 'IFRAME' || all[j].tagName === 'FRAME') {
          try { if (all[j].contentDocument) out.push(all[j].contentDocument); } catch (e) { /* cross-origin: holds no page text of ours */ }
        }
      }
    }
    return out;
  };
  var ownText = function (el) {
    var t = '';
    for (var n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) t += n.nodeValue;
    return t;
  };
  // What a "Client Secret" label shows its value in: the control it labels, inputs inside it, the next
  // element (dd after dt, td after th, value after caption), or the next element of its parent.
  var holders = function (label) {
    var out = [];
    if (label.control) out.push(label.control);
    label.querySelectorAll('input,textarea').forEach(function (i) { out.push(i); });
    if (out.length) return out;
    var next = label.nextElementSibling || (label.parentElement && label.parentElement.nextElementSibling);
    // a value next to its label: small, and not itself a list of labelled things
    if (next && (next.textContent || '').length <= 300 && !next.querySelector('label,dt,th')) out.push(next);
    var id = label.id;
    if (id) document.querySelectorAll('[aria-labelledby~="' + id + '"]').forEach(function (i) { out.push(i); });
    return out;
  };
  var maskHolder = function (el) {
    if (el.matches('input,textarea')) { setValue(el, MASK); return; }
    el.querySelectorAll('input,textarea').forEach(function (i) { setValue(i, MASK); });
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), n, first = true;
    while ((n = walker.nextNode())) {
      if (n.parentElement && n.parentElement.closest('button,[role=button]')) continue;   // "Copy" stays readable
      if (!n.nodeValue.trim()) continue;
      setText(n, first ? MASK : '');
      first = false;
    }
  };
  g.labels = function (root) {
    var out = [];
    root.querySelectorAll('*').forEach(function (el) {
      if (el.closest && el.closest('script,style')) return;
      var own = ownText(el);
      if (LABEL.test(own) || PREFIXED.test(own)) out.push(el);
      var aria = el.getAttribute('aria-label');
      if (aria && LABEL.test(aria) && el.matches('input,textarea')) out.push(el);
    });
    return out;
  };
  g.mask = function () {
    var pieces = g.pieces(), masked = 0;
    roots().forEach(function (root) {
      var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), n, todo = [];
      while ((n = walker.nextNode())) if (leaks(n.nodeValue, pieces)) todo.push(n);
      todo.forEach(function (t) {
        var v = t.nodeValue;
        g.secrets.forEach(function (s) { v = v.split(s).join(MASK); });
        setText(t, leaks(v, pieces) ? MASK : v);
        masked++;
      });
      root.querySelectorAll('*').forEach(function (el) {
        if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && leaks(el.value, pieces)) { setValue(el, MASK); masked++; }
        for (var i = 0; i < el.attributes.length; i++) {
          var a = el.attributes[i];
          if (leaks(a.value, pieces)) { el.setAttribute(a.name, MASK); masked++; }
        }
      });
      g.labels(root).forEach(function (label) {
        if (label.matches('input,textarea')) { if (label.value && label.value !== MASK) masked++; setValue(label, MASK); return; }
        var own = ownText(label), m = PREFIXED.exec(own);
        if (m && !LABEL.test(own)) {
          for (var c = label.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && c.nodeValue.trim()) { setText(c, m[1] + MASK); break; }
          masked++;
          return;
        }
        holders(label).forEach(function (h) { maskHolder(h); masked++; });
      });
    });
    return masked;
  };
  // Proof, read back from the page: no piece of a secret anywhere, and every Client Secret label shows the mask.
  g.prove = function () {
    var pieces = g.pieces(), problems = [];
    roots().forEach(function (root) {
      var html = root.documentElement ? root.documentElement.outerHTML : root.innerHTML;
      if (leaks(html, pieces)) problems.push('a known secret is still in the page');
      root.querySelectorAll('input,textarea').forEach(function (i) { if (leaks(i.value, pieces)) problems.push('a field still holds a known secret'); });
      g.labels(root).forEach(function (label) {
        var shown = [];
        if (label.matches('input,textarea')) shown.push(label.value || '');
        else holders(label).forEach(function (h) {
          if (h.matches('input,textarea')) shown.push(h.value || '');
          else {
            h.querySelectorAll('input,textarea').forEach(function (i) { shown.push(i.value || ''); });
            var t = '', walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT), n;
            while ((n = walker.nextNode())) if (!(n.parentElement && n.parentElement.closest('button,[role=button]'))) t += n.nodeValue;
            shown.push(t);
          }
        });
        var own = ownText(label), m = PREFIXED.exec(own);
        if (m && !LABEL.test(own)) shown.push(own.slice(m[1].length));
        shown.forEach(function (v) {
          if (v.trim() && v.trim() !== MASK) problems.push('the Client Secret field shows something other than the mask');
        });
      });
    });
    return problems;
  };
  g.observer = new MutationObserver(function () { g.mask(); });
  g.observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}
SECRETS.forEach(function (s) { if (g.secrets.indexOf(s) < 0) g.secrets.push(s); });
var masked = g.mask();
return { token: g.token, masked: masked, problems: g.prove() };
