// The service-hall clerk's page: sign in with a clerk key, find a subject, read its profile and
// records, and issue a printable credit report. Plain DOM, no framework; all text is set through
// textContent, never parsed as markup, except the report page the service itself renders.
'use strict';

(() => {
  // sessionStorage only: the key lives as long as this tab, is never sent in a URL, never in a cookie.
  const KEY_STORAGE = 'creditkaizhou.clerkKey';
  const QUERY_PURPOSE = '窗口查询';
  const SEARCH_DELAY_MS = 250;
  const SEARCH_PAGE_SIZE = 20;
  const RECORD_PAGE_SIZE = 200;
  const CODE_PATTERN = /^[0-9A-Z]{17}[0-9A-Z]$/;
  const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;

  const LABELS = {
    type: { legal: '法人和非法人组织', individual_business: '个体工商户', person: '自然人' },
    status: { active: '存续', deregistered: '已注销' },
    match: { code: '代码精确匹配', exact: '名称完全一致', prefix: '名称开头相符', substring: '名称包含' },
    polarity: { positive: '守信', negative: '失信', neutral: '中性' },
    disclosure: { public: '社会公开', shared: '政务共享', authorised: '授权查询' },
    severity: { minor: '轻微', general: '一般', serious: '严重' },
    effect: {
      bar: '限制参与', review: '审慎审查', priority: '优先考虑', 'fast-track': '绿色通道',
      'fewer-inspections': '减少检查频次', tolerance: '容缺受理',
    },
  };

  const MESSAGES = {
    wrongKey: '密钥无效或已被吊销，请核对后重新输入。',
    emptyKey: '请输入窗口密钥。',
    notClerk: '该密钥不是窗口工作人员密钥，不能用于窗口查询。',
    expired: '密钥已失效或已被吊销，请重新登录。',
    offline: '无法连接信用平台服务，请检查网络后重试。',
    tooShort: '请至少输入 2 个字。',
    personNeedsIdNumber: '查看自然人的信用档案，请在搜索框中输入其完整的 18 位身份证号码。',
    forbidden: '当前密钥无权执行此操作。',
  };

  const $ = (id) => document.getElementById(id);
  const state = {
    key: null, searchTimer: 0, search: null, query: '', page: 1, opening: 0, subject: null, subjectCode: null, records: [],
    fieldNames: new Map(),
  };

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem?.detail || problem?.title || `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  // ---- HTTP -------------------------------------------------------------------------------------

  async function request(path, { method = 'GET', body, accept = 'application/json', signal, key = state.key } = {}) {
    const headers = { Accept: accept };
    if (key) headers['X-Api-Key'] = key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {
        method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new ApiError(0, { detail: MESSAGES.offline });
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw new ApiError(response.status, problem);
    }
    return accept === 'text/html' ? response.text() : response.json();
  }

  // Any 401 after sign-in means the key was revoked meanwhile: back to the sign-in form.
  async function api(path, options) {
    try {
      return await request(path, options);
    } catch (error) {
      if (error.status === 401) signOut(MESSAGES.expired);
      throw error;
    }
  }

  function messageOf(error) {
    if (error.status === 403) return MESSAGES.forbidden;
    return error.message || MESSAGES.offline;
  }

  // ---- DOM helpers ------------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const badge = (text, kind) => el('span', { className: `badge badge-${kind}` }, text);
  const label = (table, code) => LABELS[table][code] || code || '—';
  const slot = (root, name) => root.querySelector(`[data-slot="${name}"]`);
  const dateText = (value) => value || '—';
  const period = (from, to) => `${dateText(from)} 至 ${to || '长期'}`;
  const nowrap = (text) => el('span', { className: 'nowrap' }, text);

  function instantText(value) {
    if (!value) return '—';
    return new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    }).format(new Date(value));
  }

  function table(caption, headings, rows, className = '') {
    return el('table', { className: `data ${className}`.trim() },
      el('caption', { className: 'visually-hidden' }, caption),
      el('thead', null, el('tr', null, headings.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', null, rows.map((cells) => el('tr', null, cells.map((c) => el('td', null, c))))));
  }

  // ---- Sign-in ----------------------------------------------------------------------------------

  // resumed: the key kept from earlier in this tab (a reload), checked again before it is used.
  async function signIn(key, resumed) {
    const error = $('sign-in-error');
    error.textContent = '';
    if (!key) {
      error.textContent = MESSAGES.emptyKey;
      return;
    }
    $('sign-in-button').disabled = true;
    try {
      const me = await request('/api/v1/me', { key });
      if (me.role !== 'clerk' && me.role !== 'admin') {
        sessionStorage.removeItem(KEY_STORAGE);
        error.textContent = MESSAGES.notClerk;
        return;
      }
      sessionStorage.setItem(KEY_STORAGE, key);
      state.key = key;
      $('api-key').value = '';
      $('clerk-name').textContent = me.name;
      $('sign-in').hidden = true;
      $('session').hidden = false;
      $('workspace').hidden = false;
      $('search-input').focus();
    } catch (failure) {
      // A refused key is forgotten; one that could not be checked (service unreachable) is kept for a retry.
      if (failure.status === 401) sessionStorage.removeItem(KEY_STORAGE);
      if (failure.status !== 401) error.textContent = messageOf(failure);
      else error.textContent = resumed ? MESSAGES.expired : MESSAGES.wrongKey;
      $('api-key').select();
    } finally {
      $('sign-in-button').disabled = false;
    }
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    state.key = null;
    state.search?.abort();
    clearTimeout(state.searchTimer);
    if ($('report-dialog').open) $('report-dialog').close();
    // Nothing of the last report stays in the page for whoever uses the window next.
    $('report-frame').src = 'about:blank';
    $('report-meta').replaceChildren();
    $('search-input').value = '';
    $('search-results').replaceChildren();
    $('search-status').textContent = '';
    $('search-pager').hidden = true;
    closeProfile();
    $('workspace').hidden = true;
    $('session').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('api-key').focus();
  }

  // ---- Search -----------------------------------------------------------------------------------

  function normaliseQuery(raw) {
    const query = raw.trim();
    const upper = query.toUpperCase();
    return CODE_PATTERN.test(upper) ? upper : query;
  }

  function scheduleSearch() {
    clearTimeout(state.searchTimer);
    const query = normaliseQuery($('search-input').value);
    if ([...query].length < 2) {
      state.search?.abort();
      state.query = '';
      $('search-results').replaceChildren();
      $('search-pager').hidden = true;
      $('search-status').textContent = query ? MESSAGES.tooShort : '';
      return;
    }
    state.searchTimer = setTimeout(() => search(query, 1), SEARCH_DELAY_MS);
  }

  async function search(query, page) {
    state.search?.abort();
    const controller = new AbortController();
    state.search = controller;
    state.query = query;
    state.page = page;
    $('search-status').textContent = '正在查询…';
    try {
      const params = new URLSearchParams({ q: query, page: String(page), pageSize: String(SEARCH_PAGE_SIZE) });
      const result = await api(`/api/v1/subjects?${params}`, { signal: controller.signal });
      const list = $('search-results');
      if (page === 1) list.replaceChildren();
      list.append(...result.items.map(resultItem));
      const shown = list.children.length;
      $('search-pager').hidden = shown >= result.total;
      const total = result.totalExact === false ? `超过 ${result.total} 个` : `${result.total} 个`;
      $('search-status').textContent = result.total === 0
        ? `没有找到与“${query}”相符的主体。`
        : `找到 ${total}主体${shown < result.total ? `，已显示 ${shown} 个` : ''}${result.totalExact === false ? '，请输入更具体的名称' : ''}。`;
    } catch (error) {
      if (error.name === 'AbortError') return;
      $('search-status').textContent = error.problem?.errors?.q?.[0] || messageOf(error);
    }
  }

  function resultItem(subject) {
    const button = el('button', { type: 'button', className: 'result', 'data-code': subject.code },
      el('span', { className: 'result-name' }, subject.name),
      el('span', { className: 'result-meta' }, `${subject.code} · ${label('type', subject.type)}`),
      el('span', { className: 'result-badges' },
        badge(label('match', subject.match), 'match'),
        badge(label('status', subject.status), subject.status === 'active' ? 'active' : 'gone'),
        subject.black && badge('黑名单', 'black'),
        subject.red && badge('红名单', 'red')));
    button.addEventListener('click', () => openSubject(lookupCode(subject)));
    return el('li', null, button);
  }

  // A person is listed under the masked ID number; the profile needs the full number, which the
  // clerk has only when the search was by that number.
  function lookupCode(subject) {
    if (!subject.code.includes('*')) return subject.code;
    return subject.match === 'code' && CODE_PATTERN.test(state.query) ? state.query : null;
  }

  // Arrow keys move between the search box and the results; Escape goes back to typing.
  function onResultsKey(event) {
    const buttons = [...$('search-results').querySelectorAll('button.result')];
    const index = buttons.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && buttons.length) {
      event.preventDefault();
      buttons[Math.min(index + 1, buttons.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      (index === 0 ? $('search-input') : buttons[index - 1]).focus();
    } else if (event.key === 'Escape' && index >= 0) {
      $('search-input').focus();
    }
  }

  // ---- Profile ----------------------------------------------------------------------------------

  function closeProfile() {
    state.subject = null;
    state.subjectCode = null;
    $('profile').replaceChildren();
    $('profile').hidden = true;
    $('profile-empty').hidden = false;
    $('profile-error').textContent = '';
  }

  async function openSubject(code) {
    // Only the subject chosen last is shown, however the answers arrive.
    const opening = ++state.opening;
    $('profile-error').textContent = '';
    if (!code) {
      closeProfile();
      $('profile-error').textContent = MESSAGES.personNeedsIdNumber;
      return;
    }
    const pane = $('profile-pane');
    pane.setAttribute('aria-busy', 'true');
    try {
      const params = new URLSearchParams({ purpose: QUERY_PURPOSE });
      const profile = await api(`/api/v1/subjects/${encodeURIComponent(code)}?${params}`);
      if (opening !== state.opening) return;
      state.subject = profile;
      state.subjectCode = code;
      renderProfile(profile);
      await loadRecords(false);
      slot($('profile'), 'name').focus();
    } catch (error) {
      if (opening !== state.opening) return;
      $('profile-error').textContent = error.status === 404 ? '没有找到该主体，或您无权查看其信息。' : messageOf(error);
    } finally {
      pane.setAttribute('aria-busy', 'false');
    }
  }

  function renderProfile(profile) {
    const view = $('profile-template').content.firstElementChild.cloneNode(true);
    const black = profile.lists.filter((l) => l.colour === 'black');
    const red = profile.lists.filter((l) => l.colour === 'red');

    slot(view, 'banner').replaceWith(statusBanner(black, red, profile));
    slot(view, 'name').textContent = profile.name;
    slot(view, 'identity').append(...identity(profile));
    slot(view, 'lists').append(profile.lists.length
      ? table('红黑名单', ['名单', '类别', '列入日期', '截止日期'], profile.lists.map((l) => [
        l.listName,
        l.colour === 'black' ? badge('黑名单', 'black') : badge('红名单', 'red'),
        dateText(l.from), l.to || '长期']))
      : el('p', { className: 'muted' }, '未列入红黑名单。'));
    slot(view, 'measures').append(profile.incentives.length
      ? table('适用的联合激励措施', ['措施', '效果', '依据'], profile.incentives.map((m) => [
        m.measure, nowrap(label('effect', m.effect)), m.legalBasis || '—']))
      : el('p', { className: 'muted' }, '无。'));
    slot(view, 'include-inactive').addEventListener('change', () => loadRecords(false));
    slot(view, 'report-form').addEventListener('submit', issueReport);

    $('profile').replaceChildren(view);
    $('profile').hidden = false;
    $('profile-empty').hidden = true;
  }

  function statusBanner(black, red, profile) {
    const names = (lists) => lists.map((l) => `${l.listName}（${period(l.from, l.to)}）`).join('；');
    const parts = [];
    if (black.length) {
      // The lists themselves are named below: not every black list is a 严重失信主体名单 (经营异常名录 is one to review).
      parts.push(el('div', { className: 'banner banner-black', role: 'note', 'aria-label': '列入黑名单' },
        el('p', { className: 'banner-title' }, '列入黑名单'),
        el('p', null, `该主体现列入：${names(black)}。办理业务前请核对联合惩戒措施。`)));
    }
    if (red.length) {
      parts.push(el('div', { className: 'banner banner-red', role: 'note', 'aria-label': '列入红名单（守信激励）' },
        el('p', { className: 'banner-title' }, '列入红名单（守信激励）'),
        el('p', null, `该主体现列入：${names(red)}。`)));
    }
    if (!parts.length) {
      parts.push(el('div', { className: 'banner banner-none' },
        el('p', { className: 'banner-title' }, '未列入红黑名单'),
        el('p', null, `截至 ${dateText(profile.asOf)}，未发现该主体列入黑名单或红名单。`)));
    }
    return el('div', { className: 'status-banners' }, parts);
  }

  function identity(profile) {
    const rows = [
      [profile.type === 'person' ? '身份证号码' : '统一社会信用代码', el('span', { className: 'code' }, profile.code)],
      ['主体类型', label('type', profile.type)],
      ['登记状态', profile.status === 'active' ? label('status', profile.status) : badge(label('status', profile.status), 'gone')],
      ['信息截至', dateText(profile.asOf)],
    ];
    if (profile.formerNames?.length) {
      rows.push(['曾用名', profile.formerNames.map((f) => `${f.name}（${dateText(f.validFrom)} 起）`).join('；')]);
    }
    return rows.flatMap(([term, value]) => [el('dt', null, term), el('dd', null, value)]);
  }

  // ---- Records ----------------------------------------------------------------------------------

  async function loadRecords(more) {
    const view = $('profile');
    const code = state.subjectCode;
    if (!code) return;
    const page = more ? Math.floor(state.records.length / RECORD_PAGE_SIZE) + 1 : 1;
    const params = new URLSearchParams({
      includeInactive: String(slot(view, 'include-inactive').checked), page: String(page),
      pageSize: String(RECORD_PAGE_SIZE), purpose: QUERY_PURPOSE,
    });
    const target = slot(view, 'records');
    try {
      const result = await api(`/api/v1/subjects/${encodeURIComponent(code)}/records?${params}`);
      await loadFieldNames(result.items);
      if (state.subjectCode !== code) return;
      state.records = more ? state.records.concat(result.items) : result.items;
      slot(view, 'record-total').textContent = `（共 ${result.total} 条）`;
      target.replaceChildren(...recordGroups(state.records));
      if (state.records.length < result.total) {
        const button = el('button', { type: 'button', className: 'button-quiet' },
          `加载更多记录（已显示 ${state.records.length} / ${result.total} 条）`);
        button.addEventListener('click', () => loadRecords(true));
        target.append(el('p', { className: 'pager' }, button));
      }
    } catch (error) {
      target.replaceChildren(el('p', { className: 'form-error' }, messageOf(error)));
    }
  }

  // Records carry their fields by key; the catalogue entry names them (案号, 执行法院 …). Entries are
  // public and change rarely, so each is asked for once per page load.
  async function loadFieldNames(records) {
    const missing = [...new Set(records.map((r) => r.catalogueCode))].filter((c) => !state.fieldNames.has(c));
    await Promise.all(missing.map(async (code) => {
      try {
        const entry = await request(`/api/v1/catalogue/${encodeURIComponent(code)}`, { key: null });
        state.fieldNames.set(code, new Map((entry.fieldsSchema || []).map((f) => [f.key, f.unit ? `${f.name}（${f.unit}）` : f.name])));
      } catch {
        state.fieldNames.set(code, new Map());
      }
    }));
  }

  const RECORD_HEADINGS = ['信息项', '决定日期', '提供部门', '性质与状态', '有效期'];

  function recordGroups(records) {
    if (!records.length) return [el('p', { className: 'muted' }, '没有可显示的信用记录。')];
    const groups = new Map();
    for (const record of records) {
      if (!groups.has(record.category)) groups.set(record.category, []);
      groups.get(record.category).push(record);
    }
    return [...groups].map(([category, items]) => el('section', { className: 'record-group' },
      el('h4', null, category, el('span', { className: 'muted' }, ` ${items.length} 条`)),
      el('table', { className: 'data records' },
        el('caption', { className: 'visually-hidden' }, category),
        el('thead', null, el('tr', null, RECORD_HEADINGS.map((h) => el('th', { scope: 'col' }, h)))),
        // One body per record: its row, then its fields across the table's full width.
        items.map((record) => el('tbody', null,
          el('tr', null, recordCells(record).map((c) => el('td', null, c))),
          fieldsRow(record))))));
  }

  function recordCells(record) {
    const status = record.revoked ? badge('已撤销', 'gone') : record.active ? badge('有效', 'active') : badge('已失效', 'gone');
    const polarity = record.polarity === 'neutral' ? null : badge(
      label('polarity', record.polarity) + (record.severity ? `·${label('severity', record.severity)}` : ''),
      record.polarity === 'negative' ? 'black' : 'red');
    return [
      record.catalogueName,
      nowrap(dateText(record.decisionDate)),
      record.departmentName || record.departmentCode,
      [polarity, badge(label('disclosure', record.disclosure), 'match'), status],
      [nowrap(`${dateText(record.effectiveFrom)} 至`), ' ', nowrap(record.effectiveTo || '长期')],
    ];
  }

  function fieldsRow(record) {
    const names = state.fieldNames.get(record.catalogueCode) || new Map();
    const fields = Object.entries(record.fields || {}).map(([key, value]) => [names.get(key) || key, value]);
    if (!fields.length) return null;
    return el('tr', { className: 'fields-row' }, el('td', { colspan: RECORD_HEADINGS.length },
      el('details', null, el('summary', null, `详细信息（${fields.length} 项）`),
        el('dl', { className: 'fields' }, fields.flatMap(([k, v]) => [el('dt', null, k), el('dd', null, fieldText(v))])))));
  }

  const fieldText = (value) => value === null || value === undefined ? '—'
    : typeof value === 'object' ? JSON.stringify(value) : String(value);

  // ---- Reports ----------------------------------------------------------------------------------

  async function issueReport(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const error = slot(form, 'report-error');
    const purpose = $('report-purpose').value.trim();
    const name = $('report-requester').value.trim();
    const idNumber = $('report-id-number').value.trim().toUpperCase();
    const problems = [];
    if (!purpose) problems.push('请填写查询用途。');
    if (!name) problems.push('请填写申请人姓名。');
    if (idNumber && !ID_NUMBER_PATTERN.test(idNumber)) problems.push('身份证号码应为 18 位，末位可为 X。');
    error.replaceChildren(...problems.map((p) => el('p', null, p)));
    if (problems.length) return;

    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    error.textContent = '正在出具报告…';
    try {
      const issued = await api('/api/v1/reports', {
        method: 'POST',
        body: {
          subjectCode: state.subjectCode, purpose,
          requester: { name, idNumber: idNumber || null }, authorised: $('report-authorised').checked,
        },
      });
      // With its verification code the printed page shows the code and its QR code verifies at a scan.
      const code = new URLSearchParams({ code: issued.verificationCode });
      const html = await api(`/api/v1/reports/${encodeURIComponent(issued.reportNumber)}?${code}`, { accept: 'text/html' });
      error.textContent = '';
      await showReport(html, issued);
    } catch (failure) {
      const details = Object.values(failure.problem?.errors || {}).flat();
      error.replaceChildren(...[messageOf(failure), ...details].map((p) => el('p', null, p)));
    } finally {
      submit.disabled = false;
    }
  }

  // The report is the service's own page. It is written into report-frame.html, a same-origin frame
  // that is sandboxed (no script runs in it) and served with its own policy, which admits the
  // report's inline styles and data: QR image; this page's stricter policy stays untouched.
  async function showReport(html, issued) {
    const frame = $('report-frame');
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
      frame.src = 'report-frame.html';
    });
    const doc = frame.contentDocument;
    doc.open();
    doc.write(html);
    doc.close();

    $('report-meta').replaceChildren(
      el('span', null, '报告编号 ', el('strong', { id: 'issued-report-number' }, issued.reportNumber)),
      el('span', null, '校验码 ', el('strong', { className: 'code' }, issued.verificationCode)),
      el('span', null, `出具时间 ${instantText(issued.issuedAt)}`));
    $('report-dialog').showModal();
    $('report-print').focus();
  }

  // ---- Wiring -----------------------------------------------------------------------------------

  function start() {
    $('sign-in-form').addEventListener('submit', (event) => {
      event.preventDefault();
      signIn($('api-key').value.trim(), false);
    });
    $('sign-out').addEventListener('click', () => signOut(''));
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const query = normaliseQuery($('search-input').value);
      clearTimeout(state.searchTimer);
      if ([...query].length >= 2) search(query, 1);
    });
    $('search-input').addEventListener('input', scheduleSearch);
    $('search-input').addEventListener('keydown', onResultsKey);
    $('search-results').addEventListener('keydown', onResultsKey);
    $('search-more').addEventListener('click', () => search(state.query, state.page + 1));
    $('report-print').addEventListener('click', () => $('report-frame').contentWindow.print());
    $('report-close').addEventListener('click', () => $('report-dialog').close());

    const saved = sessionStorage.getItem(KEY_STORAGE);
    if (saved) signIn(saved, true);
    else $('api-key').focus();
  }

  start();
})();
