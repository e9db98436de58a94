// The Git personal access token page: lists the host's runtimes (GET runtimes) and checks a pasted User token for some
// of them (POST runtimes/user-token/validate). The token leaves the form in one request body and the field is emptied at
// once; nothing here writes it anywhere else. Every text from the server is set with textContent, never as HTML.
'use strict';

(() => {
  const providers = { 'github': 'GitHub', 'gitlab': 'GitLab', 'bitbucket-cloud': 'Bitbucket Cloud', 'bitbucket-server': 'Bitbucket Server' };
  const verdicts = { pass: 'Pass', fail: 'Fail', indeterminate: 'Indeterminate', skipped: 'Skipped' };
  const form = document.getElementById('check');
  const tokenInput = document.getElementById('token');
  const usernameInput = document.getElementById('username');
  const submit = document.getElementById('submit');
  const options = document.getElementById('runtime-options');
  const list = document.getElementById('runtimes');
  const status = document.getElementById('status');
  const error = document.getElementById('error');
  const cards = new Map();
  let busy = false;

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      element.setAttribute(name, value);
    }

    for (const child of children) {
      if (child !== null && child !== undefined) {
        element.append(child);
      }
    }

    return element;
  }

  // replaceChildren would write a null as the text "null": the optional parts are dropped first.
  function fill(element, ...children) {
    element.replaceChildren(...children.filter(c => c !== null && c !== undefined));
  }

  function repositoriesText(runtime) {
    return runtime.repositories.length === 0
      ? 'no repository named'
      : runtime.repositories.map(r => `${r.name} (${r.access === 'read' ? 'read' : 'read and write'})`).join(', ');
  }

  function renderRuntimes(runtimes) {
    options.replaceChildren();
    list.replaceChildren();
    if (runtimes.length === 0) {
      options.append(el('p', {}, 'This host knows no runtime: add them to its Runtimes configuration section.'));
      return;
    }

    // The choices are grouped by server, since one token can only be checked for the runtimes of one server.
    const servers = new Map();
    for (const runtime of runtimes) {
      if (!servers.has(runtime.server)) {
        servers.set(runtime.server, []);
      }

      servers.get(runtime.server).push(runtime);
    }

    let index = 0;
    let groupIndex = 0;
    for (const [server, group] of servers) {
      const fieldset = el('fieldset', {}, el('legend', {}, `${providers[group[0].provider] || group[0].provider} at ${server}`));
      const boxes = [];
      for (const runtime of group) {
        const id = `runtime-${index++}`;
        const box = el('input', { type: 'checkbox', id, name: 'runtime', value: runtime.name, 'data-server': server });
        boxes.push(box);
        fieldset.append(el('div', { class: 'choice' }, box, el('label', { for: id }, runtime.name)));
      }

      // "All of them at once": every runtime of this server, and none of another's (a token belongs to one server).
      if (group.length > 1) {
        const all = el('button', { type: 'button', class: 'secondary', id: `all-${groupIndex}` }, `Choose all ${group.length} runtimes of this server`);
        all.addEventListener('click', () => {
          for (const box of options.querySelectorAll('input[name="runtime"]')) {
            box.checked = boxes.includes(box);
          }

          status.textContent = `Chosen: ${group.map(r => r.name).join(', ')}.`;
        });
        fieldset.append(all);
      }

      groupIndex++;
      options.append(fieldset);
    }

    for (const runtime of runtimes) {
      const result = el('div', { class: 'result' }, el('p', { class: 'unchecked' }, 'Not checked on this page yet.'));
      const card = el('li', { class: 'runtime', 'data-runtime': runtime.name },
        el('h3', {}, runtime.name),
        el('p', { class: 'meta' }, `${providers[runtime.provider] || runtime.provider} at ${runtime.server}; repositories: ${repositoriesText(runtime)}`),
        result);
      cards.set(runtime.name.toLowerCase(), result);
      list.append(card);
    }
  }

  function expiryText(report) {
    if (!report.expiresAt) {
      return report.status === 'ok' ? 'No expiry date' : 'Unknown';
    }

    const expires = new Date(report.expiresAt);
    // Whole days left, rounded down as the library's own expiry warning counts them.
    const days = Math.floor((expires.getTime() - Date.now()) / 86400000);
    const date = expires.toISOString().slice(0, 10);
    if (expires.getTime() <= Date.now()) {
      return `${date} (expired)`;
    }

    return days === 0 ? `${date} (in less than a day)` : `${date} (in ${days} day${days === 1 ? '' : 's'})`;
  }

  function section(title, className, ordered, items) {
    if (items.length === 0) {
      return null;
    }

    return el('div', { class: className }, el('h4', {}, title), el(ordered ? 'ol' : 'ul', {}, ...items.map(item => el('li', {}, ...item))));
  }

  function renderReport(report) {
    const target = cards.get((report.runtime || '').toLowerCase());
    if (!target) {
      return;
    }

    const facts = el('dl', { class: 'facts' },
      el('dt', {}, 'Token'), el('dd', { class: 'fingerprint' }, report.tokenFingerprint),
      el('dt', {}, 'Type'), el('dd', {}, report.tokenType),
      el('dt', {}, 'Expires'), el('dd', { class: 'expiry' }, expiryText(report)));
    if (report.account) {
      facts.append(el('dt', {}, 'Account'), el('dd', {}, report.account.login));
    }

    const missing = report.findings.filter(f => f.state === 'missing')
      .map(f => [el('strong', {}, f.label), `: ${f.purpose} `, el('span', { class: 'scopes' }, `(any of: ${f.scopes.join(', ')})`)]);
    const unknown = report.findings.filter(f => f.state === 'unknown')
      .map(f => [el('strong', {}, f.label), `: ${f.purpose}`]);
    const repositories = report.repositories
      .map(r => [el('strong', {}, r.name), `: ${r.state}${r.message ? ` (${r.message})` : ''}`]);
    const warnings = report.warnings.map(w => [el('strong', {}, w.severity === 'warning' ? 'Warning' : 'Note'), `: ${w.message}`]);
    const remedy = report.remediation;
    const link = remedy && remedy.createTokenUrl
      ? el('p', {}, el('a', { class: 'create', href: remedy.createTokenUrl, target: '_blank', rel: 'noopener noreferrer' },
          `Create a ${providers[report.provider] || report.provider} token with these scopes (opens a new tab)`))
      : null;

    fill(target,
      el('p', {}, el('span', { class: `verdict verdict-${report.verdict}` }, verdicts[report.verdict] || report.verdict)),
      report.message ? el('p', { class: 'message' }, report.message) : null,
      facts,
      section('Missing scopes', 'missing', false, missing),
      section('Could not be checked', 'unknown', false, unknown),
      section('Repositories', 'repositories', false, repositories),
      section('Warnings', 'warnings', false, warnings),
      section('What to do', 'steps', true, remedy ? remedy.steps.map(s => [s]) : []),
      link);
  }

  function showError(message, items) {
    fill(error, el('p', {}, message), items && items.length > 0 ? el('ul', {}, ...items.map(i => el('li', {}, i))) : null);
  }

  function showProblem(problem, code) {
    const items = problem && problem.errors
      ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${messages.join(' ')}`)
      : [];
    showError(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : `The check failed (HTTP ${code}).`, items);
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (busy) {
      return;
    }

    error.replaceChildren();
    const chosen = [...options.querySelectorAll('input[name="runtime"]:checked')];
    const token = tokenInput.value.trim();
    if (token === '') {
      showError('Paste a token first.');
      tokenInput.focus();
      return;
    }

    if (chosen.length === 0) {
      showError('Choose at least one runtime.');
      return;
    }

    if (new Set(chosen.map(c => c.dataset.server)).size > 1) {
      showError('A token belongs to one Git server: choose runtimes of one server only.');
      return;
    }

    const names = chosen.map(c => c.value);
    const body = JSON.stringify({ token, username: usernameInput.value.trim() || null, runtimes: names });
    tokenInput.value = '';

    // aria-disabled rather than disabled: a disabled button would drop the keyboard focus to the page.
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    form.setAttribute('aria-busy', 'true');
    status.textContent = `Checking the token for ${names.join(', ')}…`;
    try {
      const response = await fetch('runtimes/user-token/validate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body,
        cache: 'no-store',
        credentials: 'same-origin',
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok || !answer) {
        status.textContent = 'The token was not checked; paste it again after fixing what is listed.';
        showProblem(answer, response.status);
        return;
      }

      answer.reports.forEach(renderReport);
      const verdictsText = answer.reports.map(r => `${r.runtime}: ${verdicts[r.verdict] || r.verdict}`).join(', ');
      status.textContent = `Checked token ${answer.tokenFingerprint} for ${answer.reports.length} runtime${answer.reports.length === 1 ? '' : 's'}. ${verdictsText}.`;
    } catch {
      status.textContent = '';
      showError('This server could not be reached; the token was not checked. Paste it again to retry.');
    } finally {
      busy = false;
      submit.removeAttribute('aria-disabled');
      form.removeAttribute('aria-busy');
    }
  });

  fetch('runtimes', { headers: { 'Accept': 'application/json' } })
    .then(response => response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`)))
    .then(renderRuntimes)
    .catch(() => {
      options.replaceChildren(el('p', {}, 'The runtimes could not be loaded; reload the page to try again.'));
    });
})();
