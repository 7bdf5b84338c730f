// 审计: the audit administrator's console: whether the hash-chained audit log is intact, its entries page by page, the
// audit of logins by person and kind, and the export for regulators (JSON lines, the chain's verification first).
import { api, authorizedFetch, ApiError } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { download } from '../map/export.js';
import { table, cell, field, typed, when, onSubmit, onClick, panel, refused } from './admin-common.js';

/** Entries on one page of the log. */
const PAGE = 50;
/** Kinds of the audit of logins (org.groundwatergateway.policies.identity.LoginEvent.Kind). */
const LOGIN_KINDS = ['LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOCKED_OUT', 'PASSWORD_CHANGED', 'TOKEN_ISSUED', 'TOKEN_REFUSED', 'TOKEN_REVOKED',
  'BEARER_REFUSED', 'SETUP'];

export async function render(section) {
  section.append(el('h1', {}, t('admin.audit.title')));
  const body = el('div', { class: 'admin-body' });
  section.append(body);
  try {
    body.append(await verification(), await entries(), await logins(), exporter());
  } catch (error) {
    refused(body, error);
  }
}

async function verification() {
  const result = el('div', { id: 'verification', role: 'status' });
  const again = el('button', { type: 'button', class: 'tool', id: 'verify' }, t('admin.audit.verifyAgain'));
  async function verify() {
    result.removeAttribute('data-entries');
    const v = await api('/api/v1/audit/verify');
    result.setAttribute('data-ok', String(v.ok));
    result.setAttribute('data-entries', String(v.entries));
    result.replaceChildren(v.ok
      ? el('p', { class: 'verified' }, t('admin.audit.intact', { entries: v.entries }))
      : el('p', { class: 'error' }, t('admin.audit.broken', { seq: v.firstBad, entries: v.entries }), ' ',
        t(`admin.audit.problem.${v.problem}`), v.detail ? ` (${v.detail})` : ''),
    el('p', { class: 'note' }, t('admin.audit.head', { seq: v.headSeq }), ' ', el('code', { class: 'hash' }, v.headHash)));
  }
  onClick(again, verify);
  await verify();
  return panel('audit-verification', t('admin.audit.verification'), result, again);
}

async function entries() {
  const list = el('div');
  const from = el('input', { type: 'number', name: 'from', min: 1, value: 1 });
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.audit.show'));
  const previous = el('button', { type: 'button', class: 'tool', id: 'entries-previous' }, t('admin.audit.previous'));
  const next = el('button', { type: 'button', class: 'tool', id: 'entries-next' }, t('admin.audit.next'));
  const form = el('form', { id: 'entries-form', class: 'admin-form inline', novalidate: true }, field(t('admin.audit.from'), from), submit, previous, next);
  async function show() {
    const page = await api(`/api/v1/audit/entries?from=${encodeURIComponent(from.value)}&limit=${PAGE}`);
    next.disabled = page.length < PAGE;
    previous.disabled = Number(from.value) <= 1;
    list.replaceChildren(page.length === 0 ? el('p', { class: 'empty' }, t('admin.audit.noEntries')) : table('entry-table',
      [t('admin.audit.seq'), t('admin.audit.at'), t('admin.audit.kind'), t('admin.audit.action'), t('admin.audit.door'), t('admin.audit.dataset'),
        t('admin.audit.principal'), t('admin.audit.roles'), t('admin.audit.rows')],
      page.map((e) => el('tr', { 'data-seq': e.seq }, cell(String(e.seq)), cell(when(e.at)), cell(t(`admin.audit.kind.${e.kind}`)), cell(e.action),
        cell(e.door), cell(e.dataset), cell(e.personal?.principal ?? t('admin.audit.erased')), cell(e.roles),
        cell(e.rowCount == null ? null : String(e.rowCount))))));
  }
  onSubmit(form, submit, show);
  for (const [button, step] of [[previous, -PAGE], [next, PAGE]]) {
    button.addEventListener('click', async () => {
      from.value = String(Math.max(1, Number(from.value) + step));
      await show();
    });
  }
  await show();
  return panel('audit-entries', t('admin.audit.entries'), form, list);
}

async function logins() {
  const list = el('div', { id: 'logins-list' });
  const principal = el('input', { type: 'text', name: 'principal' });
  const kind = el('select', { name: 'kind' }, el('option', { value: '' }, t('admin.audit.anyKind')),
    ...LOGIN_KINDS.map((k) => el('option', { value: k }, t(`admin.audit.login.${k}`))));
  const limit = el('input', { type: 'number', name: 'limit', min: 1, value: PAGE });
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.audit.show'));
  const more = el('button', { type: 'button', class: 'tool', id: 'logins-more' }, t('admin.audit.more'));
  const form = el('form', { id: 'logins-form', class: 'admin-form inline', novalidate: true },
    field(t('admin.audit.principal'), principal), field(t('admin.audit.kind'), kind), field(t('admin.audit.limit'), limit), submit, more);
  async function show() {
    const query = new URLSearchParams({ limit: limit.value });
    if (typed(principal)) query.set('principal', typed(principal));
    if (kind.value) query.set('kind', kind.value);
    const events = await api(`/api/v1/audit/logins?${query}`);
    list.setAttribute('data-query', String(query));
    more.disabled = events.length < Number(limit.value);
    list.replaceChildren(events.length === 0 ? el('p', { class: 'empty' }, t('admin.audit.noEntries')) : table('login-table',
      [t('admin.audit.at'), t('admin.audit.principal'), t('admin.audit.kind'), t('admin.audit.detail'), t('admin.audit.address')],
      events.map((e) => el('tr', { 'data-kind': e.kind }, cell(when(e.at)), cell(e.principal), cell(t(`admin.audit.login.${e.kind}`)), cell(e.detail),
        cell(e.address)))));
  }
  onSubmit(form, submit, show);
  // The audit of logins is newest first: more is a longer list, not another page.
  more.addEventListener('click', async () => {
    limit.value = String(Number(limit.value) + PAGE);
    await show();
  });
  await show();
  return panel('audit-logins', t('admin.audit.logins'), form, list);
}

function exporter() {
  const from = el('input', { type: 'number', name: 'from', value: 1 });
  const to = el('input', { type: 'number', name: 'to', placeholder: t('admin.audit.toHint') });
  const submit = el('button', { type: 'submit', class: 'tool', id: 'export' }, t('admin.audit.download'));
  const form = el('form', { id: 'export-form', class: 'admin-form inline', novalidate: true },
    field(t('admin.audit.from'), from), field(t('admin.audit.to'), to), submit);
  onSubmit(form, submit, async () => {
    const query = new URLSearchParams({ from: from.value });
    if (typed(to)) query.set('to', typed(to));
    const response = await authorizedFetch(`/api/v1/audit/export?${query}`, { headers: { Accept: 'application/x-ndjson, application/problem+json' } });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'audit.jsonl';
    download(name, 'application/x-ndjson', await response.blob());
  });
  return panel('audit-export', t('admin.audit.export'), el('p', { class: 'note' }, t('admin.audit.exportNote')), form);
}
