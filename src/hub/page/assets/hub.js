// The board's script (served as /assets/hub.js; plain JavaScript, no build step, no framework).
// The page works without it: every section is server-rendered HTML and filtering and paging are
// links and GET forms. With it:
//  - live updates: /api/events (server-sent events) says which sections changed (whole, or by
//    item for list sections); the script
//    fetches the page again at the same address and replaces just those <section data-section>
//    elements, keeping open <details>, typed text and focus. The server's renderers are the only
//    renderers, so the live page and the first paint never disagree.
//  - the filter box, area links and pagers update the nodes section in place (history kept).
//  - task buttons send {"action","note"} as JSON to POST /api/tasks/:workplan/:task.
'use strict';

(function () {
  const live = document.getElementById('live');
  let revision = Number(document.body.dataset.revision || 0);
  let wanted = new Set();
  let timer = null;

  function say(text) {
    if (live) live.textContent = text;
  }

  function rememberState(root) {
    const open = new Map();
    for (const d of root.querySelectorAll('details[id]')) open.set(d.id, d.open);
    const values = new Map();
    for (const i of root.querySelectorAll('input[id], textarea[id]')) if (i.type !== 'hidden' && (i.value || i === document.activeElement)) values.set(i.id, i.value);
    const outputs = new Map();
    for (const o of root.querySelectorAll('form output')) {
      const owner = o.closest('[id]');
      if (o.textContent && owner && owner !== root) outputs.set(owner.id, { text: o.textContent, cls: o.className });
    }
    const active = document.activeElement;
    let focus = null;
    if (active && root.contains(active)) {
      focus = { id: active.id || null, name: active.name || null, value: active.value, form: active.form && active.form.closest('li[id]') ? active.form.closest('li[id]').id : null };
      if (typeof active.selectionStart === 'number') focus.range = [active.selectionStart, active.selectionEnd];
    }
    return { open, values, outputs, focus };
  }

  function restoreState(root, state) {
    for (const [id, open] of state.open) {
      const d = root.querySelector(`details[id="${CSS.escape(id)}"]`);
      if (d) d.open = open;
    }
    for (const [id, value] of state.values) {
      const i = root.querySelector(`[id="${CSS.escape(id)}"]`);
      // A search box keeps what is typed only while it has the focus (after back/forward the address wins).
      if (i && 'value' in i && (i.type !== 'search' || (state.focus && state.focus.id === id))) i.value = value;
    }
    for (const [id, o] of state.outputs) {
      const owner = root.querySelector(`[id="${CSS.escape(id)}"]`);
      const out = owner && owner.querySelector('output');
      if (out) {
        out.textContent = o.text;
        out.className = o.cls;
      }
    }
    const f = state.focus;
    if (!f) return;
    let el = null;
    if (f.id) el = root.querySelector(`[id="${CSS.escape(f.id)}"]`);
    else if (f.form) el = root.querySelector(`li[id="${CSS.escape(f.form)}"] [name="${CSS.escape(f.name || '')}"]${f.value ? `[value="${CSS.escape(f.value)}"]` : ''}`);
    if (el) {
      el.focus({ preventScroll: true });
      if (f.range && typeof el.setSelectionRange === 'function') el.setSelectionRange(f.range[0], f.range[1]);
    }
  }

  // Replaces the named sections (every element carrying data-section=<name>) with the server's
  // rendering at the page's current address. null = every section.
  async function refresh(names) {
    const res = await fetch(location.pathname + location.search, { headers: { Accept: 'text/html' }, credentials: 'same-origin', cache: 'no-store' });
    if (res.status === 401) throw new Error('this hub does not know this page\'s session (it restarted?): open the URL it printed');
    if (!res.ok) throw new Error(`the board answered ${res.status}`);
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const fresh = Number(doc.body.dataset.revision || 0);
    const list = names === null ? [...new Set([...doc.querySelectorAll('[data-section]')].map((e) => e.dataset.section))] : [...names];
    for (const name of list) {
      const sel = `[data-section="${CSS.escape(name)}"]`;
      const olds = [...document.querySelectorAll(sel)];
      const news = [...doc.querySelectorAll(sel)];
      if (olds.length === 0 && news.length > 0) {
        // A section the page did not have yet (a new kind of record): add it.
        for (const n of news) if (n.tagName === 'SECTION') document.getElementById('main').append(document.importNode(n, true));
        continue;
      }
      if (news.length === 0) {
        // A section that went away.
        for (const old of olds) old.remove();
        continue;
      }
      olds.forEach((old, i) => {
        const next = news.find((n) => n.dataset.part === old.dataset.part && n.tagName === old.tagName) || news[i];
        if (!next) return;
        const state = rememberState(old);
        const node = document.importNode(next, true);
        old.replaceWith(node);
        restoreState(node, state);
      });
    }
    const nav = doc.querySelector('header nav');
    const shownNav = document.querySelector('header nav');
    if (nav && shownNav && nav.innerHTML !== shownNav.innerHTML) shownNav.replaceWith(document.importNode(nav, true));
    const newer = fresh >= revision;
    revision = Math.max(revision, fresh);
    document.body.dataset.revision = String(revision);
    const evaluated = doc.getElementById('evaluated');
    const shown = document.getElementById('evaluated');
    if (evaluated && shown && newer) shown.replaceWith(document.importNode(evaluated, true));
    document.dispatchEvent(new CustomEvent('hub:updated', { detail: { revision, sections: list } }));
  }

  // Coalesces bursts of changes into one fetch, and runs one fetch at a time: what is wanted while
  // one runs is fetched right after it (wanted === null: every section).
  let running = false;
  async function pump() {
    if (running) return;
    running = true;
    try {
      while (wanted === null || wanted.size > 0) {
        const names = wanted;
        wanted = new Set();
        try {
          await refresh(names);
          const updated = document.getElementById('updated');
          if (updated) updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
          if (live && live.textContent.startsWith('update failed')) say('live');
        } catch (e) {
          say(`update failed: ${e.message} (the page retries on the next change)`);
        }
      }
    } finally {
      running = false;
    }
  }

  function schedule(names) {
    if (names === null) wanted = null;
    else if (wanted !== null) for (const n of names) wanted.add(n);
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void pump();
    }, 60);
  }

  function connect() {
    if (typeof EventSource !== 'function') return;
    // ?since= the page's revision: the hub replays what changed between the first paint and this
    // connection (or says reset); on reconnection EventSource sends Last-Event-ID itself.
    const events = new EventSource(`/api/events?since=${encodeURIComponent(String(revision))}`);
    events.addEventListener('open', () => say('live'));
    events.addEventListener('change', (ev) => {
      let data;
      try {
        data = JSON.parse(ev.data);
      } catch (e) {
        schedule(null);
        return;
      }
      if (typeof data.revision === 'number' && data.revision <= revision) return;
      // Whole sections in data.sections, list sections changed by item in data.items: either way the section is fetched again.
      schedule(data && data.sections ? [...Object.keys(data.sections), ...Object.keys(data.items || {})] : null);
    });
    events.addEventListener('reset', () => schedule(null));
    events.addEventListener('error', () => say(events.readyState === EventSource.CLOSED ? 'not live: the hub closed the event stream (reload to retry)' : 'reconnecting…'));
  }

  // Filter box and navigation links of a section: replace the section in place, keep history.
  function navigate(url, section, push) {
    const target = new URL(url, location.href);
    if (target.origin !== location.origin) return false;
    history[push ? 'pushState' : 'replaceState']({ section }, '', target.pathname + target.search + target.hash);
    schedule(section ? [section] : null);
    return true;
  }

  let filterTimer = null;
  document.addEventListener('input', (ev) => {
    const form = ev.target.closest && ev.target.closest('form[data-filter]');
    if (!form) return;
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => navigate(formUrl(form), form.dataset.filter, false), 250);
  });

  function formUrl(form) {
    const params = new URLSearchParams(location.search);
    for (const key of [...params.keys()]) if (key.endsWith('.page')) params.delete(key);
    for (const [k, v] of new FormData(form)) {
      if (String(v).trim() === '') params.delete(k);
      else params.set(k, String(v));
    }
    const q = params.toString();
    return `/${q ? `?${q}` : ''}#${form.dataset.filter}`;
  }

  document.addEventListener('submit', async (ev) => {
    const form = ev.target;
    if (form.matches('form[data-filter]')) {
      ev.preventDefault();
      clearTimeout(filterTimer);
      navigate(formUrl(form), form.dataset.filter, true);
      return;
    }
    if (form.matches('form.relay-now')) {
      ev.preventDefault();
      await post(form, '/api/relay', {}, (body) => (body.ok ? `relayed${typeof body.applied === 'number' ? `: ${body.applied} applied` : ''}` : `not relayed: ${body.error ? body.error.message : 'see the dead letters'}`));
      return;
    }
    if (!form.matches('form.task-action')) return;
    ev.preventDefault();
    const action = ev.submitter && ev.submitter.value;
    if (!action) return;
    const note = form.elements.note ? form.elements.note.value.trim() : '';
    const li = form.closest('li[id]');
    const done = await post(form, form.getAttribute('action'), note ? { action, note } : { action }, () => `${action}: recorded`);
    const input = li && document.getElementById(li.id) ? document.getElementById(li.id).querySelector('input[name="note"]') : form.elements.note;
    if (done && input) input.value = '';
  });

  // A JSON POST from a form's button: its output says what happened; the sections refresh after.
  // The section may be replaced while the request runs, so the message goes to the form that is
  // on the page by then (found by its owner's id).
  async function post(form, url, body, describe) {
    const owner = form.closest('[id]');
    const current = () => {
      const o = owner && document.getElementById(owner.id);
      return (o && (o.matches('form') ? o : o.querySelector('form'))) || form;
    };
    const tell = (cls, text) => {
      const out = current().querySelector('output');
      if (out) {
        out.className = cls;
        out.textContent = text;
      }
    };
    const buttons = () => [...current().querySelectorAll('button')];
    for (const b of buttons()) b.disabled = true;
    tell('', '…');
    try {
      const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
      const answer = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(answer.error ? `${answer.error.message} (${answer.error.code})` : `the hub answered ${res.status}`);
      tell(answer.ok === false ? 'bad' : 'ok', describe(answer));
      schedule(['workplans', 'outbox', 'fleet']);
      return true;
    } catch (e) {
      tell('bad', `not done: ${e.message}`);
      return false;
    } finally {
      for (const b of [...form.querySelectorAll('button'), ...buttons()]) b.disabled = false;
    }
  }

  document.addEventListener('click', (ev) => {
    const a = ev.target.closest && ev.target.closest('a[data-nav]');
    if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    if (navigate(a.href, a.dataset.nav, true)) {
      ev.preventDefault();
      const section = document.getElementById(a.dataset.nav);
      if (section) section.scrollIntoView({ block: 'start' });
    }
  });

  window.addEventListener('popstate', () => schedule(null));

  document.documentElement.classList.add('js');
  say('connecting…');
  connect();
})();
