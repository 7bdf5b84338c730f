// 系统管理: the system administrator's console (三员分立): people's accounts, organisations and OAuth clients. Roles
// beyond an account's first ones are the security administrator's; the audit log is the audit administrator's.
import { api } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { ROLES, ORGANISATION_KINDS, table, cell, field, typed, words, when, choices, chosen, onSubmit, onClick, panel, refused } from './admin-common.js';

/** The grant types a client can be registered with (the authorization server's). */
const GRANT_TYPES = ['client_credentials', 'authorization_code', 'refresh_token'];

export async function render(section) {
  section.append(el('h1', {}, t('admin.system.title')));
  const body = el('div', { class: 'admin-body' });
  section.append(body);
  try {
    const organisations = await api('/api/v1/organisations');
    body.append(await users(organisations), await organisationsPanel(organisations), await clients(organisations));
  } catch (error) {
    refused(body, error);
  }
}

function organisationSelect(organisations) {
  return el('select', { name: 'organisation' }, ...organisations.map((o) => el('option', { value: o.code }, `${o.code} ${o.nameZh ?? ''}`)));
}

async function users(organisations) {
  const list = el('div');
  async function refresh() {
    const people = await api('/api/v1/users');
    list.replaceChildren(table('user-table', [t('admin.user.username'), t('admin.user.displayName'), t('admin.user.organisation'),
      t('admin.user.roles'), t('admin.user.state'), t('admin.user.passwordChanged'), ''], people.map((u) => el('tr', { 'data-user': u.username },
      cell(u.username), cell(u.displayName), cell(u.organisation), cell(u.roles.map((r) => t(`role.${r}`)).join('、')),
      cell(el('span', { class: 'badge', 'data-enabled': String(u.enabled) }, t(u.enabled ? 'admin.user.enabled' : 'admin.user.disabled'),
        u.locked ? ` · ${t('admin.user.locked')}` : '')),
      cell(when(u.passwordChangedAt)), cell(toggle(u))))));
  }
  function toggle(u) {
    const button = el('button', { type: 'button', class: 'tool', 'data-toggle': u.username }, t(u.enabled ? 'admin.user.disable' : 'admin.user.enable'));
    onClick(button, async () => {
      await api(`/api/v1/users/${encodeURIComponent(u.username)}`, { method: 'PATCH', body: { enabled: !u.enabled } });
      await refresh();
    });
    return button;
  }
  const username = el('input', { type: 'text', name: 'username', autocomplete: 'off' });
  const displayName = el('input', { type: 'text', name: 'displayName' });
  const organisation = organisationSelect(organisations);
  const roles = choices('roles', t('admin.user.roles'), ROLES.filter((r) => r !== 'PUBLIC'), (r) => t(`role.${r}`));
  const password = el('input', { type: 'password', name: 'password', autocomplete: 'new-password' });
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.user.create'));
  const form = el('form', { id: 'user-form', class: 'admin-form', novalidate: true }, el('h3', {}, t('admin.user.new')),
    field(t('admin.user.username'), username), field(t('admin.user.displayName'), displayName),
    field(t('admin.user.organisation'), organisation), roles, field(t('admin.user.password'), password), submit);
  onSubmit(form, submit, async () => {
    await api('/api/v1/users', { method: 'POST', body: { username: typed(username), displayName: typed(displayName),
      organisation: organisation.value, roles: chosen(roles), password: password.value === '' ? null : password.value } });
    form.reset();
    await refresh();
  });
  await refresh();
  return panel('users', t('admin.system.users'), list, form);
}

async function organisationsPanel(known) {
  const list = el('div');
  function show(organisations) {
    list.replaceChildren(table('organisation-table', [t('admin.org.code'), t('admin.org.nameZh'), t('admin.org.nameEn'), t('admin.org.kind'),
      t('admin.org.creditCode')], organisations.map((o) => el('tr', { 'data-organisation': o.code },
      cell(o.code), cell(o.nameZh), cell(o.nameEn), cell(t(`orgKind.${o.kind}`)), cell(o.creditCode)))));
  }
  const code = el('input', { type: 'text', name: 'code' });
  const nameZh = el('input', { type: 'text', name: 'nameZh' });
  const nameEn = el('input', { type: 'text', name: 'nameEn' });
  const kind = el('select', { name: 'kind' }, ...ORGANISATION_KINDS.filter((k) => k !== 'PUBLIC').map((k) => el('option', { value: k }, t(`orgKind.${k}`))));
  const creditCode = el('input', { type: 'text', name: 'creditCode', placeholder: t('admin.org.creditCodeHint') });
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.org.create'));
  const form = el('form', { id: 'organisation-form', class: 'admin-form', novalidate: true }, el('h3', {}, t('admin.org.new')),
    field(t('admin.org.code'), code), field(t('admin.org.nameZh'), nameZh), field(t('admin.org.nameEn'), nameEn),
    field(t('admin.org.kind'), kind), field(t('admin.org.creditCode'), creditCode), submit);
  onSubmit(form, submit, async () => {
    await api('/api/v1/organisations', { method: 'POST', body: { code: typed(code), nameZh: typed(nameZh), nameEn: typed(nameEn),
      kind: kind.value, creditCode: typed(creditCode) } });
    form.reset();
    show(await api('/api/v1/organisations'));
  });
  show(known);
  return panel('organisations', t('admin.system.organisations'), list, form);
}

async function clients(organisations) {
  const list = el('div');
  // A secret is in the answer that issued it only: shown here once, gone with the next page.
  const secret = el('div', { id: 'client-secret', class: 'secret', role: 'status' });
  function showSecret(issued) {
    secret.replaceChildren(issued.clientSecret ? el('p', {}, t('admin.client.secretOnce', { client: issued.client.clientId }), ' ',
      el('code', { 'data-client': issued.client.clientId }, issued.clientSecret)) : el('p', {}, t('admin.client.public')));
  }
  async function refresh() {
    const registered = await api('/api/v1/clients');
    list.replaceChildren(table('client-table', [t('admin.client.id'), t('admin.client.name'), t('admin.client.organisation'),
      t('admin.client.grantTypes'), t('admin.client.scopes'), t('admin.client.secretRotated'), ''], registered.map((c) => el('tr', { 'data-client': c.clientId },
      cell(c.clientId), cell(c.name), cell(c.organisation), cell(c.grantTypes.join(' ')), cell(c.scopes.join(' ')),
      cell(c.confidential ? when(c.secretRotatedAt) : t('admin.client.public')), cell(c.confidential ? rotate(c) : null)))));
  }
  function rotate(c) {
    const button = el('button', { type: 'button', class: 'tool', 'data-rotate': c.clientId }, t('admin.client.rotate'));
    onClick(button, async () => {
      showSecret(await api(`/api/v1/clients/${encodeURIComponent(c.clientId)}/secret`, { method: 'POST' }));
      await refresh();
    });
    return button;
  }
  const clientId = el('input', { type: 'text', name: 'clientId', autocomplete: 'off' });
  const name = el('input', { type: 'text', name: 'name' });
  const organisation = organisationSelect(organisations);
  const grantTypes = choices('grantTypes', t('admin.client.grantTypes'), GRANT_TYPES, (g) => g, ['client_credentials']);
  const scopes = el('input', { type: 'text', name: 'scopes', value: 'read' });
  const redirectUris = el('input', { type: 'text', name: 'redirectUris', placeholder: 'https://…' });
  const confidential = el('input', { type: 'checkbox', name: 'confidential', checked: true });
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.client.create'));
  const form = el('form', { id: 'client-form', class: 'admin-form', novalidate: true }, el('h3', {}, t('admin.client.new')),
    field(t('admin.client.id'), clientId), field(t('admin.client.name'), name), field(t('admin.client.organisation'), organisation), grantTypes,
    field(t('admin.client.scopes'), scopes), field(t('admin.client.redirectUris'), redirectUris), field(t('admin.client.confidential'), confidential),
    submit);
  onSubmit(form, submit, async () => {
    showSecret(await api('/api/v1/clients', { method: 'POST', body: { clientId: typed(clientId), name: typed(name), organisation: organisation.value,
      grantTypes: chosen(grantTypes), scopes: words(scopes), redirectUris: words(redirectUris), confidential: confidential.checked } }));
    form.reset();
    await refresh();
  });
  await refresh();
  return panel('clients', t('admin.system.clients'), secret, list, form);
}
