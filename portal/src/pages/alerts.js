import { api, ApiError, showProblem } from '../api.js';
import { alerts, LEVEL_COLOURS } from '../data.js';
import { el } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { follow } from '../live.js';
import { can } from '../roles.js';
import { jointWarningPanel } from './joint-warnings.js';

/** Open alerts, newest first, with new ones arriving live; the duty officer acknowledges from here (also on a phone). */
export async function render(section, params) {
  const list = el('ul', { class: 'alerts', id: 'alert-list' });
  // A joint warning is also an alert here (with its own escalation); the panel adds the partner's side of it.
  const joint = can('jointWarnings') && !params[0] ? jointWarningPanel() : null;
  section.append(el('h1', {}, t('alerts.title')), joint?.panel ?? '', list);
  const shown = new Map();

  async function add(alert, first) {
    if (shown.has(alert.id)) return;
    const item = el('li', { class: 'alert', 'data-alert': alert.id, style: `border-left-color:${LEVEL_COLOURS[alert.level]}` },
      el('div', { class: 'alert-head' }, el('strong', { class: 'level' }, t(`level.${alert.level}`)), ' ',
        el('span', { class: 'subject' }, alert.subject)),
      el('div', { class: 'message' }, alert.message ?? ''),
      el('div', { class: 'time' }, formatTime(alert.raisedAt)));
    const state = el('div', { class: 'ack-state' });
    item.append(state);
    shown.set(alert.id, item);
    if (first) list.prepend(item);
    else list.append(item);
    if (can('acknowledge')) await showEscalation(alert.id, item, state);
  }

  async function showEscalation(id, item, state) {
    let escalation;
    try {
      escalation = await api(`/api/v1/alerts/${id}/escalation`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return; // raised before escalation was set up
      throw error;
    }
    if (escalation.acknowledgedAt) {
      state.replaceChildren(t('alerts.acknowledgedBy', { who: escalation.acknowledgedBy, time: formatTime(escalation.acknowledgedAt) }));
      item.classList.add('acknowledged');
      state.after(await deliveries(id));
      return;
    }
    const note = el('input', { type: 'text', name: 'note', class: 'note', placeholder: t('alerts.note'), 'aria-label': t('alerts.note') });
    const button = el('button', { type: 'button', class: 'acknowledge' }, t('alerts.acknowledge'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api(`/api/v1/alerts/${id}/acknowledge`, { method: 'POST', body: { note: note.value || null } });
        state.replaceChildren();
        await showEscalation(id, item, state);
      } catch (e) {
        showProblem(state, e, button);
        button.disabled = false;
      }
    });
    state.replaceChildren(note, button, can('judge') ? falseAlarmButton(id, note, state) : '');
  }

  /** Who was told, by which channel and when: the escalation's delivery attempts. */
  async function deliveries(id) {
    const list = await api(`/api/v1/alerts/${id}/deliveries`);
    return el('details', { class: 'deliveries' }, el('summary', {}, t('alerts.deliveries', { n: list.length })),
      el('ul', {}, ...list.map((d) => el('li', {}, t('alerts.delivery', {
        time: formatTime(d.attemptedAt), channel: d.channel, recipient: d.recipient, tier: d.tier, status: d.status })))));
  }

  /** Marks the alert as a false alarm (the rule's tuning learns from it); the server's refusal is shown as it words it. */
  function falseAlarmButton(id, note, state) {
    const button = el('button', { type: 'button', class: 'false-alarm' }, t('alerts.falseAlarm'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const verdict = await api(`/api/v1/alerts/${id}/verdict`, { method: 'PUT', body: { verdict: 'FALSE_ALARM', note: note.value || null } });
        button.replaceWith(el('span', { class: 'verdict' }, t('alerts.markedFalseAlarm', { who: verdict.recordedBy })));
      } catch (e) {
        showProblem(state, e, button);
        button.disabled = false;
      }
    });
    return button;
  }

  async function load() {
    await joint?.refresh();
    const open = params[0] ? [await api(`/api/v1/alerts/${params[0]}`)] : await alerts();
    for (const alert of open) await add(alert, false);
    if (!list.children.length) list.append(el('li', { class: 'empty' }, t('alerts.none')));
  }

  await load();
  if (params[0] || !can('followAlerts')) return null;
  return follow('/api/v1/alerts/stream', {
    onEvent: async (name, notification) => {
      if (name !== 'alert') return;
      list.querySelector('.empty')?.remove();
      await add(await api(`/api/v1/alerts/${notification.alertId}`), true);
      await joint?.refresh();
    },
    onResume: load,
    onOpen: () => list.setAttribute('data-live', 'true'),
  });
}
