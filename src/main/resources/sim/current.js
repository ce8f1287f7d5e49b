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
  if (toolbarButton && pageDialog && !boot.list && !boot.projects && !boot.apps) {    // Reset Secret, Uninstall
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
    var lists = main.querySelectorAll('[role=table][aria-busy]');      // the project lists, not an app user's levels
    var current = lists[0], others = lists[1];
    var othersCard = cards[cards.length - 1];
    var count = othersCard.querySelector('h2 span');
    var bar = othersCard.querySelector('div > button') ? othersCard.querySelector('div > button').parentNode : null;
    var addAll = bar && bar.children[0], cancel = bar && bar.children[1], status = bar && bar.querySelector('[role=status]');
    var byId = {};
    var timer = null;

    load(boot.projects, function (data) {
      fill(current, data.current.map(function (p) { return row([p.name, p.template]); }));
      if (!others) return;                  // an app's user: its projects are the app's permitted projects
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

  // ---- App Management: tabs, the Install App menu, the Install Custom App dialog ---------------------
  function scrimmed(node) {
    var scrim = el('div');
    scrim.appendChild(node);
    return portal(scrim, 'position:fixed;inset:0;z-index:1000;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.4);');
  }

  function tabs(onSelect) {
    var all = main.querySelectorAll('[role=tablist] [role=tab]');
    Array.prototype.forEach.call(all, function (t, i) {
      t.addEventListener('click', function () {
        all.forEach(function (o) { o.setAttribute('aria-selected', String(o === t)); });
        onSelect(i);
      });
    });
  }

  if (boot.apps) {
    var appsTable = main.querySelector('[role=table]');
    var appsBody = appsTable.querySelectorAll('[role=rowgroup]')[1];
    var skeleton = appsBody.innerHTML;
    var parts = main.querySelector('template').content.children;
    var installButton = main.querySelector('[aria-haspopup=menu]');

    var showApps = function (tab) {
      var uninstalled = tab === 'uninstalled';
      appsTable.setAttribute('aria-label', uninstalled ? boot.uninstalledApps : boot.installedApps);
      appsTable.setAttribute('aria-busy', 'true');
      appsBody.innerHTML = skeleton;
      load(boot.apps + '?tab=' + tab, function (list) {
        fill(appsTable, list.map(function (a) {
          var actions = el('span');
          actions.appendChild(el('a', { href: boot.appsBase + '/apps/' + a.id }, boot.view));
          if (uninstalled) {
            actions.appendChild(document.createTextNode(' '));
            var again = el('button', { type: 'button' }, boot.reinstall);
            again.addEventListener('click', function () { post(boot.appsBase + '/apps/' + a.id + '/reinstall'); });
            actions.appendChild(again);
          }
          return row([a.name, a.version, a.developer, a.date, actions]);
        }), uninstalled ? boot.emptyUninstalled : boot.emptyInstalled);
      });
    };
    showApps(boot.tab);
    tabs(function (i) { showApps(i === 1 ? 'uninstalled' : 'installed'); });

    var installMenu = null;
    var closeInstallMenu = function () {
      if (installMenu && installMenu.host) installMenu.host.remove();
      installMenu = null;
      installButton.setAttribute('aria-expanded', 'false');
    };
    installButton.addEventListener('click', function (e) {
      e.stopPropagation();
      var wasOpen = !!installMenu;
      closeInstallMenu();
      closeMenu();
      if (wasOpen) return;
      var mine = { host: null };
      installMenu = mine;
      installButton.setAttribute('aria-expanded', 'true');
      setTimeout(function () {
        if (installMenu !== mine) return;
        var r = installButton.getBoundingClientRect();
        var menu = parts[0].cloneNode(true);
        mine.host = portal(menu, 'position:fixed;z-index:1000;top:' + (r.bottom + 4) + 'px;right:' + Math.max(8, window.innerWidth - r.right) + 'px;');
        Array.prototype.forEach.call(menu.querySelectorAll('[role=menuitem]'), function (item) {
          item.addEventListener('click', function () {
            closeInstallMenu();
            if (item.textContent.trim() === boot.custom) installDialog();
            else location.assign(boot.appsBase + '?m=marketplace');
          });
        });
      }, OPEN_DELAY);
    });
    document.addEventListener('click', function (e) {
      if (installMenu && installMenu.host && installMenu.host.contains(e.target)) return;
      if (installMenu) closeInstallMenu();
    });

    var installDialog = function () {
      setTimeout(function () {
        var dialog = parts[1].cloneNode(true);
        var host = scrimmed(dialog);
        var heading = dialog.querySelector('h2');
        var body = dialog.children[1];
        var footer = dialog.children[2];
        var cancel = footer.children[0], go = footer.children[1];
        var input = body.querySelector('input');
        var field = body.querySelector('label');
        var step = 'id', versionId = '';
        input.focus();
        cancel.addEventListener('click', function () { host.remove(); });

        function clearAlerts() {
          dialog.querySelectorAll('[role=alert]').forEach(function (a) { a.remove(); });
          input.removeAttribute('aria-invalid');
        }
        function broke(e) {
          go.disabled = false;
          body.appendChild(el('div', { role: 'alert' }, "We're sorry, but something went wrong (" + e.message + '). Click ' + boot.install + ' to try again.'));
        }
        function send(path) {
          return fetch(boot.appsBase + path, { method: 'POST', body: new URLSearchParams({ version_id: versionId }),
            headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' } });
        }
        function refused(r) {
          if (r.status !== 422) return false;
          r.json().then(function (e) {
            go.disabled = false;
            if (step === 'id') {
              input.setAttribute('aria-invalid', 'true');
              field.parentNode.insertBefore(el('div', { role: 'alert' }, e.error), field.nextSibling);
            } else {
              body.appendChild(el('div', { role: 'alert' }, e.error));
            }
          });
          return true;
        }
        function confirm(app) {
          step = 'confirm';
          heading.textContent = boot.install + ' ' + app.name;
          dialog.setAttribute('aria-label', heading.textContent);
          body.innerHTML = '';
          body.appendChild(el('p', {}, app.name + ' (version ' + app.version + ', by ' + app.developer + ') asks for these permissions:'));
          var list = el('ul');
          app.permissions.forEach(function (p) { list.appendChild(el('li', {}, p.tool + ': ' + p.level)); });
          body.appendChild(list);
          body.appendChild(el('p', {}, 'Installing it adds the app to your company Directory as a user with these permissions.'));
          go.disabled = false;
        }
        function configure(done) {
          step = 'configure';
          heading.textContent = boot.configuration;
          dialog.setAttribute('aria-label', boot.configuration);
          body.innerHTML = '';
          body.appendChild(el('p', {}, done.name + ' is installed. Its configuration is optional: configure it now, or skip and do it later from '
              + boot.appManagement + '.'));
          var now = el('button', { type: 'button' }, boot.configure);
          now.className = cancel.className;
          now.addEventListener('click', function () { location.assign(done.viewUrl); });
          var skip = el('button', { type: 'button' }, boot.skip);
          skip.className = go.className;
          skip.addEventListener('click', function () { location.assign(done.doneUrl); });
          footer.innerHTML = '';
          footer.appendChild(now);
          footer.appendChild(skip);
        }
        go.addEventListener('click', function () {
          clearAlerts();
          go.disabled = true;
          if (step === 'id') {
            versionId = input.value.trim();
            send('/lookup').then(function (r) {
              if (!refused(r)) return json(r).then(confirm);
            }).catch(broke);
          } else if (step === 'confirm') {
            send('/install').then(function (r) {
              if (!refused(r)) return json(r).then(configure);
            }).catch(broke);
          }
        });
      }, OPEN_DELAY);
    };
    if (boot.dialog === 'install') installDialog();
  }

  // ---- An app's page: Details / Permissions tabs, permitted projects, the Projects selector ----------
  if (boot.app) {
    var panels = main.querySelectorAll('[role=tabpanel]');
    var loaded = false;
    var permittedTable = panels[1] && panels[1].querySelector('[role=table]');
    var pickerBar = panels[1] && panels[1].querySelector('[aria-haspopup]') ? panels[1].querySelector('[aria-haspopup]').parentNode : null;
    var pickerButton = pickerBar && pickerBar.children[0], addButton = pickerBar && pickerBar.children[1];
    var chosenText = pickerBar && pickerBar.querySelector('[role=status]');
    var appTemplate = main.querySelector('template');
    var panelTemplate = appTemplate && appTemplate.content.children[1];
    var available = null, chosen = {}, chosenCount = 0, pickerHost = null;

    var sync = function () {
      addButton.disabled = chosenCount === 0;
      chosenText.textContent = chosenCount ? chosenCount.toLocaleString('en-US') + ' selected' : '';
    };
    var drawPanel = function () {
      if (!pickerHost) return;
      var panel = pickerHost.firstChild;
      var all = panel.querySelector('input');
      var list = panel.children[1];
      if (!available) return;                   // a skeleton until the projects arrive
      all.parentNode.hidden = !available.length;
      list.innerHTML = '';
      if (!available.length) list.appendChild(el('p', {}, boot.emptyAvailable));
      var boxes = available.map(function (p) {
        var box = el('input', { type: 'checkbox' });
        box.checked = !!chosen[p.id];
        box.addEventListener('change', function () {
          if (box.checked && !chosen[p.id]) { chosen[p.id] = true; chosenCount++; }
          if (!box.checked && chosen[p.id]) { delete chosen[p.id]; chosenCount--; }
          all.checked = chosenCount > 0 && chosenCount === available.length;
          sync();
        });
        var label = el('label');
        label.className = all.parentNode.className;
        label.appendChild(box);
        label.appendChild(el('span', {}, p.name));
        list.appendChild(label);
        return box;
      });
      all.checked = chosenCount > 0 && chosenCount === available.length;
      all.onchange = function () {
        chosen = {};
        chosenCount = 0;
        if (all.checked) available.forEach(function (p) { chosen[p.id] = true; chosenCount++; });
        boxes.forEach(function (b) { b.checked = all.checked; });
        sync();
      };
    };
    var loadProjects = function () {
      if (loaded || !permittedTable) return;
      loaded = true;
      load(boot.appProjects, function (data) {
        available = data.available;
        fill(permittedTable, data.permitted.map(function (p) { return row([p.name]); }), boot.emptyPermitted);
        drawPanel();
      });
    };
    tabs(function (i) {
      panels.forEach(function (p, j) { p.hidden = j !== i; });
      if (i === 1) loadProjects();
    });
    if (boot.tab === 'permissions') loadProjects();

    if (pickerButton) {
      var closePicker = function () {
        if (pickerHost) pickerHost.remove();
        pickerHost = null;
        pickerButton.setAttribute('aria-expanded', 'false');
      };
      pickerButton.addEventListener('click', function (e) {
        e.stopPropagation();
        if (pickerHost) { closePicker(); return; }
        pickerButton.setAttribute('aria-expanded', 'true');
        setTimeout(function () {
          if (pickerHost || pickerButton.getAttribute('aria-expanded') !== 'true') return;
          var r = pickerButton.getBoundingClientRect();
          pickerHost = portal(panelTemplate.cloneNode(true), 'position:fixed;z-index:1000;top:' + (r.bottom + 4) + 'px;left:' + r.left + 'px;');
          drawPanel();
        }, OPEN_DELAY);
      });
      document.addEventListener('click', function (e) {
        if (pickerHost && !pickerHost.contains(e.target) && e.target !== addButton) closePicker();
      });
      addButton.addEventListener('click', function () {
        var ids = Object.keys(chosen);
        if (!ids.length) return;
        addButton.disabled = true;
        if (pickerHost) closePicker();
        panels[1].querySelectorAll('[role=alert]').forEach(function (a) { a.remove(); });
        fetch(boot.app + '/permitted_projects', { method: 'POST', body: new URLSearchParams({ project_ids: ids.join(',') }),
          headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' } })
          .then(json).then(function (r) { location.assign(boot.app + '?tab=permissions&m=added&n=' + r.added); })
          .catch(function (e) {
            addButton.disabled = false;
            pickerBar.parentNode.insertBefore(el('div', { role: 'alert' }, "We're sorry, but something went wrong (" + e.message + '). Click '
                + addButton.textContent.trim() + ' to try again.'), pickerBar.nextSibling);
          });
      });
    }
  }
})();
