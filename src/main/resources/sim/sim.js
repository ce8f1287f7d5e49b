// Procore simulator: the little behaviour its pages need (menus, matrix, dialogs, Add All progress).
(function () {
  document.querySelectorAll('button[aria-haspopup]').forEach(function (btn) {
    var menu = btn.nextElementSibling;
    btn.addEventListener('click', function (e) {
      e.stopPropagation();
      var open = menu.hidden;
      document.querySelectorAll('ul[role=menu]').forEach(function (m) { m.hidden = true; });
      document.querySelectorAll('button[aria-haspopup]').forEach(function (b) { b.setAttribute('aria-expanded', 'false'); });
      menu.hidden = !open;
      btn.setAttribute('aria-expanded', String(open));
    });
  });
  document.addEventListener('click', function () {
    document.querySelectorAll('ul[role=menu]').forEach(function (m) { m.hidden = true; });
  });

  // Clicking a column header of the permission matrix selects that level on every row.
  document.querySelectorAll('table.matrix thead button').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var col = btn.closest('th').cellIndex;
      btn.closest('table').querySelectorAll('tbody tr').forEach(function (row) {
        var input = row.cells[col] && row.cells[col].querySelector('input');
        if (input) input.checked = true;
      });
    });
  });

  document.querySelectorAll('[data-opens]').forEach(function (b) {
    b.addEventListener('click', function () { document.getElementById(b.getAttribute('data-opens')).showModal(); });
  });
  document.querySelectorAll('[data-closes]').forEach(function (b) {
    b.addEventListener('click', function () { document.getElementById(b.getAttribute('data-closes')).close(); });
  });

  document.querySelectorAll('[data-add]').forEach(function (b) {
    b.addEventListener('click', function () {
      b.disabled = true;
      fetch(b.getAttribute('data-add'), { method: 'POST' }).then(function () { location.reload(); });
    });
  });

  // App Management > an app > Permissions: the Projects selector (Select All) and Add. Every chosen id travels
  // in one field, so thousands of projects fit one request.
  document.querySelectorAll('[data-picker]').forEach(function (form) {
    var toggle = form.querySelector('[data-picker-toggle]');
    var panel = form.querySelector('[role=group]');
    var all = panel.querySelector('[data-select-all]');
    var boxes = panel.querySelectorAll('ul input[type=checkbox]');
    var add = form.querySelector('button[type=submit]');
    var chosen = form.querySelector('[role=status]');
    var field = form.querySelector('input[type=hidden]');
    function sync() {
      var n = 0;
      boxes.forEach(function (b) { if (b.checked) n++; });
      add.disabled = n === 0;
      all.checked = n > 0 && n === boxes.length;
      chosen.textContent = n ? n.toLocaleString('en-US') + ' selected' : '';
    }
    toggle.addEventListener('click', function () {
      panel.hidden = !panel.hidden;
      toggle.setAttribute('aria-expanded', String(!panel.hidden));
    });
    all.addEventListener('change', function () {
      boxes.forEach(function (b) { b.checked = all.checked; });
      sync();
    });
    boxes.forEach(function (b) { b.addEventListener('change', sync); });
    form.addEventListener('submit', function () {
      field.value = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; }).join(',');
      add.disabled = true;
    });
  });

  var box = document.querySelector('.add-all');
  if (!box) return;
  var url = box.getAttribute('data-status');
  var addAll = box.querySelector('[data-add-all]');
  var cancel = box.querySelector('[data-cancel]');
  var complete = box.querySelector('.complete');
  var bar = box.querySelector('[role=progressbar]');
  var current = document.querySelector('table.current tbody');
  var count = document.querySelector('h2 .count');
  var timer = null;

  function show(s) {
    bar.hidden = false;
    bar.setAttribute('aria-valuenow', String(s.percent));
    bar.querySelector('.bar').style.width = s.percent + '%';
    bar.querySelector('.pct').textContent = s.percent + '%';
    (s.added || []).forEach(function (id) {
      var row = document.querySelector('table.others tr[data-project="' + id + '"]');
      if (row) {
        var cell = row.cells[1];
        cell.textContent = '';
        current.appendChild(row);
      }
    });
    if (count) count.textContent = String(document.querySelectorAll('table.others tbody tr').length);
  }

  function json(r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  }

  function broken(e) {
    cancel.hidden = true;
    addAll.hidden = false;
    var err = document.createElement('div');
    err.setAttribute('role', 'alert');
    err.className = 'flash error';
    err.textContent = "We're sorry, but something went wrong (" + e.message + '). Click ' + addAll.textContent + ' to try again.';
    box.appendChild(err);
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' } }).then(json).then(function (s) {
      show(s);
      if (s.state === 'running') { timer = setTimeout(poll, 150); return; }
      cancel.hidden = true;
      addAll.hidden = false;
      if (s.state === 'complete') {
        complete.hidden = false;
        document.getElementById('add-all-done').showModal();
      } else if (s.state === 'failed') {
        var err = document.createElement('div');
        err.setAttribute('role', 'alert');
        err.className = 'flash error';
        err.textContent = s.message + ' (' + s.percent + '%). Click ' + addAll.textContent + ' to try again.';
        box.appendChild(err);
      }
    }).catch(broken);
  }

  addAll.addEventListener('click', function () {
    addAll.hidden = true;
    cancel.hidden = false;
    complete.hidden = true;
    box.querySelectorAll('[role=alert]').forEach(function (e) { e.remove(); });
    fetch(url, { method: 'POST', headers: { Accept: 'application/json' } }).then(json).then(function (s) { show(s); poll(); }).catch(broken);
  });
  cancel.addEventListener('click', function () {
    clearTimeout(timer);
    fetch(url + '/cancel', { method: 'POST', headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (s) {
      show(s);
      cancel.hidden = true;
      addAll.hidden = false;
    });
  });
  var ok = document.querySelector('#add-all-done [data-ok]');
  if (ok) ok.addEventListener('click', function () { location.reload(); });
  if (box.querySelector('[data-running]')) { addAll.hidden = true; cancel.hidden = false; poll(); }
})();
