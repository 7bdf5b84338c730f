// 安全管理: the security administrator's console: the sharing policy's versions (read, create from a YAML or JSON
// document, compare with the active one, activate), what an audience sees of a dataset and why, and people's roles.
import { api, authorizedFetch, ApiError } from '../api.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { ROLES, ORGANISATION_KINDS, table, cell, field, when, choices, chosen, onSubmit, onClick, panel, refused } from './admin-common.js';

export async function render(section) {
  section.append(el('h1', {}, t('admin.security.title')));
  const body = el('div', { class: 'admin-body' });
  section.append(body);
  try {
    const whatIf = el('div', { id: 'what-if' });
    const [policies, everything, people] = await Promise.all([versions(whatIf), explain(), roles()]);
    body.append(policies, panel('what-if-panel', t('admin.whatIf.title'), whatIf), everything, people);
  } catch (error) {
    refused(body, error);
  }
}

/** A policy document as text, or the server's refusal as an ApiError (the documents are YAML or JSON, not the api() helper's JSON). */
async function text(path, options) {
  const response = await authorizedFetch(path, options);
  const body = await response.text();
  if (!response.ok) throw new ApiError(response.status, body ? JSON.parse(body) : {});
  return body;
}

async function versions(whatIf) {
  const list = el('div');
  const documentView = el('pre', { id: 'policy-document', class: 'document', hidden: true });
  async function refresh() {
    const { active, versions: all } = await api('/api/v1/policies');
    list.replaceChildren(table('policy-table', [t('admin.policy.version'), t('admin.policy.name'), t('admin.policy.state'), t('admin.policy.createdBy'),
      t('admin.policy.createdAt'), t('admin.policy.activatedAt'), ''], all.map((v) => el('tr', { 'data-version': v.version, 'data-state': v.state },
      cell(String(v.version)), cell(v.name), cell(el('span', { class: `badge state-${v.state}` }, t(`admin.policy.state.${v.state}`))),
      cell(v.createdBy), cell(when(v.createdAt)), cell(when(v.activatedAt)), cell(actions(v, v.version === active))))));
  }
  function actions(v, isActive) {
    const view = el('button', { type: 'button', class: 'tool', 'data-view': v.version }, t('admin.policy.view'));
    onClick(view, async () => {
      documentView.textContent = await text(`/api/v1/policies/${v.version}`, { headers: { Accept: 'application/yaml' } });
      documentView.hidden = false;
    });
    if (isActive) return el('span', {}, view);
    const compare = el('button', { type: 'button', class: 'tool', 'data-what-if': v.version }, t('admin.policy.whatIf'));
    onClick(compare, async () => showWhatIf(whatIf, await api(`/api/v1/policies/${v.version}/what-if`)));
    const holder = el('span', {});
    const activate = el('button', { type: 'button', class: 'tool', 'data-activate': v.version }, t('admin.policy.activate'));
    // Activation changes what every door shows at once: one more click, after reading what it means.
    activate.addEventListener('click', () => {
      const yes = el('button', { type: 'button', class: 'tool danger', 'data-confirm': v.version }, t('admin.policy.confirm'));
      const no = el('button', { type: 'button', class: 'tool' }, t('admin.policy.cancel'));
      no.addEventListener('click', () => holder.replaceChildren(view, compare, activate));
      onClick(yes, async () => {
        await api(`/api/v1/policies/${v.version}/activate`, { method: 'POST' });
        await refresh();
      });
      holder.replaceChildren(el('span', { class: 'confirm', role: 'alert' }, t('admin.policy.confirmText', { version: v.version })), ' ', yes, no);
    });
    holder.append(view, compare, activate);
    return holder;
  }
  const syntax = el('select', { name: 'syntax' }, el('option', { value: 'application/yaml' }, 'YAML'), el('option', { value: 'application/json' }, 'JSON'));
  const documentText = el('textarea', { name: 'document', rows: 10, spellcheck: 'false', placeholder: t('admin.policy.documentHint') });
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.policy.create'));
  const form = el('form', { id: 'policy-form', class: 'admin-form', novalidate: true }, el('h3', {}, t('admin.policy.new')),
    field(t('admin.policy.syntax'), syntax), field(t('admin.policy.document'), documentText), submit);
  onSubmit(form, submit, async () => {
    await text('/api/v1/policies', { method: 'POST', headers: { 'Content-Type': syntax.value, Accept: 'application/json' }, body: documentText.value });
    form.reset();
    await refresh();
  }, documentText);
  await refresh();
  return panel('policies', t('admin.security.policies'), list, documentView, form);
}

/** What a version would newly show, audience by audience and dataset by dataset; each change as the server words it. */
function showWhatIf(container, report) {
  container.setAttribute('data-version', report.version);
  container.replaceChildren(el('p', {}, t('admin.whatIf.compared', { version: report.version, active: report.comparedWith })),
    report.newlyExposed.length === 0 ? el('p', { class: 'empty', 'data-nothing': '' }, t('admin.whatIf.nothing'))
      : table('what-if-table', [t('admin.whatIf.audience'), t('admin.whatIf.dataset'), t('admin.whatIf.changes'), t('admin.explain.rules')],
        report.newlyExposed.map((e) => el('tr', { 'data-audience': e.audience, 'data-dataset': e.dataset }, cell(e.audience), cell(e.dataset),
          cell(el('ul', {}, ...e.changes.map((c) => el('li', {}, c)))), cell(e.rules.join(', '))))));
}

/** Audiences as explain names them: every kind of organisation and every role. */
function audiences() {
  return [...ORGANISATION_KINDS.map((k) => `kind:${k}`), ...ROLES.filter((r) => r !== 'PUBLIC').map((r) => `role:${r}`)];
}

async function explain() {
  // Every dataset the policy decides on, as the active version names them for the public.
  const all = await api('/api/v1/policies/explain?audience=kind:PUBLIC');
  const audience = el('input', { type: 'text', name: 'audience', list: 'audiences', value: 'kind:PUBLIC' });
  const dataset = el('select', { name: 'dataset' }, el('option', { value: '' }, t('admin.explain.allDatasets')),
    ...all.datasets.map((d) => el('option', { value: d.dataset }, d.dataset)));
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.explain.ask'));
  const result = el('div', { id: 'explain-result' });
  const form = el('form', { id: 'explain-form', class: 'admin-form inline', novalidate: true },
    el('datalist', { id: 'audiences' }, ...audiences().map((a) => el('option', { value: a }))),
    field(t('admin.explain.audience'), audience), field(t('admin.explain.dataset'), dataset), submit);
  onSubmit(form, submit, async () => {
    const query = new URLSearchParams({ audience: audience.value });
    if (dataset.value) query.set('dataset', dataset.value);
    const answer = await api(`/api/v1/policies/explain?${query}`);
    result.replaceChildren(el('p', {}, t('admin.explain.under', { version: answer.version })),
      ...answer.datasets.map((d) => el('div', { class: 'explained', 'data-dataset': d.dataset, 'data-visible': String(d.disclosure.visible) },
        el('h3', {}, d.dataset), el('ul', { class: 'effects' }, ...effects(d.disclosure).map(([key, words, value]) => el('li', {
          'data-effect': key, 'data-value': value ?? null }, words))),
        d.awaitingDoors.length ? el('p', { class: 'note' }, t('admin.explain.awaiting', { effects: d.awaitingDoors.join(', ') })) : null,
        el('p', { class: 'note' }, t('admin.explain.rules'), '：', d.rules.length ? d.rules.join(', ') : '—', d.reason ? ` (${d.reason})` : ''))));
  });
  return panel('explain', t('admin.explain.title'), form, result);
}

/** Hours in a duration as the server writes it: ISO 8601 (PT24H) or seconds. */
function hours(duration) {
  if (typeof duration === 'number') return duration / 3600;
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(duration ?? '');
  return m ? Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600 : 0;
}

/** A disclosure in plain words, effect by effect: [key, words, the effect's value for a machine]. */
function effects(d) {
  if (!d.visible) return [['hidden', t('admin.explain.hidden')]];
  const said = [];
  if (d.withheldProperties?.length) said.push(['withheld', t('admin.explain.withheld', { properties: d.withheldProperties.join(', ') })]);
  for (const [property, values] of Object.entries(d.restrictedTo ?? {})) {
    said.push(['restricted', t('admin.explain.restricted', { property, values: values.join(', ') })]);
  }
  if (d.locationPrecisionMetres > 0) {
    said.push(['locationPrecision', t('admin.explain.coarsened', { metres: d.locationPrecisionMetres }), String(d.locationPrecisionMetres)]);
  }
  for (const [property, scheme] of Object.entries(d.bucketed ?? {})) {
    said.push(['bucketed', t('admin.explain.bucketed', { property, scheme: scheme === 'GBT14848_CLASS' ? t('admin.explain.gbt14848') : scheme })]);
  }
  const delay = hours(d.delay);
  if (delay > 0) said.push(['delay', t('admin.explain.delay', { hours: delay }), String(delay)]);
  if (d.timeAggregation && d.timeAggregation !== 'NONE') said.push(['timeAggregation', t(`admin.explain.aggregated.${d.timeAggregation}`)]);
  if (d.minimumCount > 0) said.push(['minimumCount', t('admin.explain.minimumCount', { count: d.minimumCount })]);
  if (d.ownership) {
    said.push(['ownership', t(d.ownership.onlyOwn ? 'admin.explain.onlyOwn' : 'admin.explain.ownInFull', { property: d.ownership.property })]);
  }
  if (d.area) said.push(['area', t('admin.explain.area', d.area)]);
  return said.length ? said : [['full', t('admin.explain.full')]];
}

async function roles() {
  const people = await api('/api/v1/users');
  const person = el('select', { name: 'username' }, ...people.map((u) => el('option', { value: u.username }, `${u.username} ${u.displayName ?? ''}`)));
  const holder = el('div');
  let granted = choices('roles', t('admin.user.roles'), ROLES.filter((r) => r !== 'PUBLIC'), (r) => t(`role.${r}`), people[0]?.roles ?? []);
  holder.append(granted);
  person.addEventListener('change', () => {
    const current = people.find((u) => u.username === person.value);
    granted = choices('roles', t('admin.user.roles'), ROLES.filter((r) => r !== 'PUBLIC'), (r) => t(`role.${r}`), current?.roles ?? []);
    holder.replaceChildren(granted);
  });
  const saved = el('span', { class: 'note', role: 'status' });
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.roles.save'));
  const form = el('form', { id: 'roles-form', class: 'admin-form', novalidate: true }, field(t('admin.user.username'), person), holder, submit, saved);
  onSubmit(form, submit, async () => {
    saved.textContent = '';
    const set = chosen(granted);
    await api(`/api/v1/users/${encodeURIComponent(person.value)}/roles`, { method: 'PUT', body: set });
    people.find((u) => u.username === person.value).roles = set;
    saved.textContent = t('admin.roles.saved', { username: person.value });
  });
  return panel('roles', t('admin.security.roles'), el('p', { class: 'note' }, t('admin.roles.note')), form);
}
