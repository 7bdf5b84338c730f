import { api, showProblem } from '../api.js';
import { el } from '../dom.js';
import { t, formatTime, currentLocale } from '../i18n.js';
import { can } from '../roles.js';

/**
 * Joint warnings with partner parks (CAP 1.2), not yet closed, above the alert list: which parks, each side's
 * acknowledgements and closes as the partner reported them, and this park's own acknowledge and close. A province is
 * told of them and acts on none ({@code here} is null there). Returns the panel and a refresh for when alerts arrive.
 */
export function jointWarningPanel() {
  const panel = el('section', { class: 'joint-warnings', id: 'joint-warnings', hidden: '' });

  async function refresh() {
    let all;
    try {
      all = await api('/api/v1/joint-warnings');
    } catch {
      // Not shown to this reader (a policy that masks alerts) or not answered now: the alert list goes on without it.
      panel.hidden = true;
      return;
    }
    const open = all.filter((w) => w.state !== 'CLOSED');
    panel.replaceChildren(el('h2', {}, t('joint.title')), el('ul', {}, ...open.map(item)));
    panel.hidden = open.length === 0;
  }

  function item(w) {
    const headline = currentLocale() === 'zh-CN' ? w.headlineZh : w.headlineEn;
    const state = el('div', { class: 'joint-actions' });
    const li = el('li', { class: 'joint-warning', 'data-joint': w.identifier },
      el('div', { class: 'alert-head' }, w.exercise ? el('strong', { class: 'exercise' }, t('joint.exercise')) : '', ' ',
        el('span', { class: 'parks' }, t('joint.parks', { origin: w.origin.park, target: w.target.park })), ' ',
        el('span', { class: 'joint-state' }, t(`joint.state.${w.state}`))),
      el('div', { class: 'message' }, headline ?? ''),
      el('div', { class: 'time' }, formatTime(w.raisedAt)),
      steps('joint.acknowledgements', 'acknowledgements', w.acknowledgements),
      w.closes.length ? steps('joint.closes', 'closes', w.closes) : '',
      state);
    if (w.here == null) {
      state.append(el('span', { class: 'told' }, t('joint.told')));
      return li;
    }
    const ours = (list) => list.some((s) => s.gateway === w.here.gateway);
    const note = el('input', { type: 'text', name: 'note', class: 'note', placeholder: t('alerts.note'), 'aria-label': t('alerts.note') });
    const buttons = [];
    if (can('acknowledge') && !ours(w.acknowledgements)) buttons.push(action(w, 'acknowledge', t('joint.acknowledge'), note, state));
    if (can('closeJointWarning') && !ours(w.closes)) buttons.push(action(w, 'close', t('joint.close'), note, state));
    if (buttons.length) state.append(note, ...buttons);
    return li;
  }

  /** Who of which park did it, when, with their note. */
  function steps(title, kind, list) {
    return el('div', { class: `joint-steps ${kind}` }, t(title), ' ', list.length === 0 ? t('joint.noneYet')
      : el('ul', {}, ...list.map((s) => el('li', { 'data-park': s.park },
        t('joint.step', { park: s.park, by: s.by, time: formatTime(s.at) }), s.note ? el('q', {}, s.note) : ''))));
  }

  function action(w, verb, label, note, state) {
    const button = el('button', { type: 'button', class: verb }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api(`/api/v1/joint-warnings/${w.id}/${verb}`, { method: 'POST', body: { note: note.value || null } });
        await refresh();
      } catch (e) {
        showProblem(state, e, button);
        button.disabled = false;
      }
    });
    return button;
  }

  return { panel, refresh };
}
