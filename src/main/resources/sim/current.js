// Procore simulator, "current" UI: the behaviour of a client-rendered app. Menus and dialogs open in a
// portal at the end of <body> after a short animation; lists load by fetch behind a skeleton. The class
// names are hashed per start, so this script finds things by structure and role, as the app's own code would.
(function () {
  var boot = JSON.parse((document.querySelector('script[type="application/json"]') || {}).textContent || '{}');
  var OPEN_DELAY = 140;     // the portal mounts after the click, then animates in
  var LIST_DELAY = 350;     // lists arrive a moment after the document

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function portal(node, style) {
    var host = el('div');
    host.style.cssText = style || 'position:fixed;z-index:1000;';
    host.appendChild(node);
    document.body.appendChild(host);
    return host;
  }

  // ---- menus from the header, rendered into a portal -------------------------------------------
  var banner = document.querySelector('[role=banner]');
  var shellMenus = document.querySelector('body > div + template');
  var openMenu = null;

  function closeMenu() {
    if (!openMenu) return;
    openMenu.host.remove();
    openMenu.button.setAttribute('aria-expanded', 'false');
    openMenu = null;
  }

  if (banner && shellMenus) {
    var menus = shellMenus.content.children;
    Array.prototype.forEach.call(banner.querySelectorAll('button[aria-haspopup]'), function (btn, i) {
      btn.addEventListener('click', function (e) {
        e.stopPropagation();
        var wasOpen = openMenu && openMenu.button === btn;
        closeMenu();
        if (wasOpen) return;
        var mine = { button: btn, host: null };
        openMenu = mine;
        btn.setAttribute('aria-expanded', 'true');
        setTimeout(function () {
          if (openMenu !== mine) return;
          var r = btn.getBoundingClientRect();
          var right = i === menus.length - 1;
          mine.host = portal(menus[i].cloneNode(true), 'position:fixed;z-index:1000;top:' + (r.bottom + 4) + 'px;'
              + (right ? 'right:' + Math.max(8, window.innerWidth - r.right) + 'px;' : 'left:' + r.left + 'px;'));
        }, OPEN_DELAY);
      });
    });
    document.addEventListener('click', function (e) {
      if (openMenu && openMenu.host && openMenu.host.contains(e.target)) return;
      closeMenu();
    });
  }

  // ---- dialogs: the page's own <template>, opened into a portal --------------------------------
  var main = document.querySelector('main');
  var pageDialog = main && main.querySelector('template');

  function openDialog(onOpen) {
    setTimeout(function () {
      var scrim = el('div');
      var dialog = pageDialog.content.firstElementChild.cloneNode(true);
      scrim.appendChild(dialog);
      var host = portal(scrim, 'position:fixed;inset:0;z-index:1000;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.4);');
      var cancel = dialog.querySelector('button[type=button]');
      if (cancel && cancel.textContent.trim() !== boot.ok) cancel.addEventListener('click', function () { host.remove(); });
      if (onOpen) onOpen(dialog, host);
    }, OPEN_DELAY);
  }

  var toolbarButton = main && main.querySelector(':scope > div:first-child button');
  if (toolbarButton && pageDialog && !boot.list && !boot.projects) {
    toolbarButton.addEventListener('click', function () { openDialog(); });       // Reset Secret
  }

  // ---- lists: fetched after load, behind a skeleton ----------------------------------------------
  function json(r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  }

  function fill(table, rows, empty) {
    var body = table.querySelectorAll('[role=rowgroup]')[1];
    body.innerHTML = '';
    rows.forEach(function (r) { body.appendChild(r); });
    if (!rows.length && empty) body.appendChild(el('p', {}, empty));
    table.setAttribute('aria-busy', 'false');
  }

  function row(cells) {
    var r = el('div', { role: 'row' });
    cells.forEach(function (c) {
      var cell = el('div', { role: 'cell' });
      if (typeof c === 'string') cell.textContent = c; else if (c) cell.appendChild(c);
      r.appendChild(cell);
    });
    return r;
  }

  function load(url, then) {
    fetch(url, { headers: { Accept: 'application/json' } }).then(json).then(function (data) {
      setTimeout(function () { then(data); }, LIST_DELAY);
    }).catch(function (e) {
      var err = el('div', { role: 'alert' }, "We couldn't load this list (" + e.message + '). Reload the page to try again.');
      main.appendChild(err);
    });
  }

  function post(url, form) {
    var f = el('form', { method: 'post', action: url });
    document.body.appendChild(f);
    f.submit();
  }

  if (boot.list && boot.base) {                                                  // Service Accounts
    var accounts = main.querySelector('[role=table]');
    load(boot.list, function (list) {
      fill(accounts, list.map(function (a) {
        var actions = el('span');
        actions.appendChild(el('a', { href: boot.base + '/' + a.id }, boot.view));
        actions.appendChild(document.createTextNode(' '));
        var del = el('button', { type: 'button' }, boot['delete']);
        del.className = 'link';
        del.addEventListener('click', function () { post(boot.base + '/' + a.id + '/delete'); });
        actions.appendChild(del);
        return row([a.name, a.appType, a.description, a.created, actions]);
      }), boot.empty);
    });
    toolbarButton = main.querySelector('[role=table]').previousElementSibling.querySelector('button');
    toolbarButton.addEventListener('click', function () {
      if (boot.confirmNew) openDialog(); else location.assign(boot.newUrl);
    });
  }

  if (boot.list && boot.editBase) {                                              // Directory
    var users = main.querySelector('[role=table]');
    load(boot.list, function (data) {
      fill(users, data.users.map(function (u) {
        var edit = data.canEdit ? el('a', { href: boot.editBase + u.id + '/edit' }, boot.edit) : null;
        return row([u.name, u.email, boot.company, edit]);
      }), boot.empty);
    });
  }

  // ---- Edit user: segmented permission levels, projects, Add All --------------------------------
  Array.prototype.forEach.call(document.querySelectorAll('[role=radiogroup]'), function (group) {
    var hidden = group.parentNode.querySelector('input[type=hidden]');
    Array.prototype.forEach.call(group.querySelectorAll('[role=radio]'), function (b) {
      b.addEventListener('click', function () {
        group.querySelectorAll('[role=radio]').forEach(function (o) { o.setAttribute('aria-checked', String(o === b)); });
        hidden.value = b.value;
      });
    });
  });

  if (boot.projects) {
    var cards = main.querySelectorAll('section');
    var lists = main.querySelectorAll('[role=table]');
    var current = lists[0], others = lists[1];
    var othersCard = cards[cards.length - 1];
    var count = othersCard.querySelector('h2 span');
    var bar = othersCard.querySelector('div > button') ? othersCard.querySelector('div > button').parentNode : null;
    var addAll = bar && bar.children[0], cancel = bar && bar.children[1], status = bar && bar.querySelector('[role=status]');
    var byId = {};
    var timer = null;

    load(boot.projects, function (data) {
      fill(current, data.current.map(function (p) { return row([p.name, p.template]); }));
      fill(others, data.others.map(function (p) {
        var add = el('button', { type: 'button' }, boot.add);
        add.addEventListener('click', function () {
          add.disabled = true;
          fetch(boot.addBase + p.id + '/add', { method: 'POST' }).then(function () { location.reload(); });
        });
        var r = row([p.name, add]);
        byId[String(p.id)] = r;
        return r;
      }));
      if (boot.running) follow();
    });

    function moved(ids) {
      var body = current.querySelectorAll('[role=rowgroup]')[1];
      (ids || []).forEach(function (id) {
        var r = byId[id];
        if (!r) return;
        delete byId[id];
        r.lastChild.textContent = '';
        body.appendChild(r);
      });
      if (count) count.textContent = String(others.querySelectorAll('[role=rowgroup] [role=row]').length);
    }

    function failed(text) {
      cancel.hidden = true;
      addAll.hidden = false;
      status.textContent = '';
      othersCard.insertBefore(el('div', { role: 'alert' }, text + ' Click ' + boot.addAll + ' to try again.'), others);
    }

    function poll() {
      fetch(boot.status, { headers: { Accept: 'application/json' } }).then(json).then(function (s) {
        moved(s.added);
        if (s.state === 'running') { timer = setTimeout(poll, 150); return; }
        cancel.hidden = true;
        addAll.hidden = false;
        if (s.state === 'complete') {
          status.textContent = boot.complete;
          openDialog(function (dialog) {
            dialog.querySelector('button').addEventListener('click', function () { location.reload(); });
          });
        } else if (s.state === 'failed') {
          failed(s.message + '.');
        } else {
          status.textContent = '';
        }
      }).catch(function (e) { failed("We're sorry, but something went wrong (" + e.message + ').'); });
    }

    function follow() {
      addAll.hidden = true;
      cancel.hidden = false;
      status.textContent = 'Adding projects…';
      poll();
    }

    if (addAll) {
      addAll.addEventListener('click', function () {
        othersCard.querySelectorAll('[role=alert]').forEach(function (e) { e.remove(); });
        addAll.hidden = true;
        cancel.hidden = false;
        status.textContent = 'Adding projects…';
        fetch(boot.status, { method: 'POST', headers: { Accept: 'application/json' } }).then(json).then(function (s) { moved(s.added); poll(); })
            .catch(function (e) { failed("We're sorry, but something went wrong (" + e.message + ').'); });
      });
      cancel.addEventListener('click', function () {
        clearTimeout(timer);
        fetch(boot.status + '/cancel', { method: 'POST', headers: { Accept: 'application/json' } }).then(json).then(function (s) {
          moved(s.added);
          cancel.hidden = true;
          addAll.hidden = false;
          status.textContent = '';
        });
      });
    }
  }
})();
