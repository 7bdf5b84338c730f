// 运维: the O&M engineer's console: data loggers with their traffic and their sensors' calibration status, what was
// refused from any sender and why, and a sensor's maintenance records (a new record flags the readings taken meanwhile).
import { api } from '../api.js';
import { claims } from '../auth.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { table, cell, field, typed, when, onSubmit, panel, refused } from './admin-common.js';

/** Kinds of maintenance (org.groundwatergateway.core.monitoring.MaintenanceRecord.Kind). */
const MAINTENANCE_KINDS = ['ZERO_CHECK', 'SPAN_CHECK', 'CALIBRATION', 'MAINTENANCE', 'REPAIR', 'REPLACEMENT'];
/** Refusals shown: the latest. */
const REJECTIONS = 100;

export async function render(section) {
  section.append(el('h1', {}, t('admin.om.title')));
  const body = el('div', { class: 'admin-body' });
  section.append(body);
  try {
    const [devices, rejections] = await Promise.all([api('/api/v1/devices'), api(`/api/v1/devices/rejections?limit=${REJECTIONS}`)]);
    body.append(devicesPanel(devices), rejectionsPanel(rejections), await maintenance(devices));
  } catch (error) {
    refused(body, error);
  }
}

function devicesPanel(devices) {
  return panel('devices', t('admin.om.devices'), table('device-table', [t('admin.om.mn'), t('admin.om.park'), t('admin.om.description'),
    t('admin.om.state'), t('admin.om.lastSeen'), t('admin.om.packets'), t('admin.om.rejectionRate'), t('admin.om.sensors')],
  devices.map((d) => el('tr', { 'data-mn': d.mn, 'data-enabled': String(d.enabled) }, cell(d.mn), cell(d.park), cell(d.description),
    cell(el('span', { class: `badge ${d.enabled ? '' : 'off'}` }, t(d.enabled ? 'admin.om.enabled' : 'admin.om.disabled'))),
    cell(when(d.lastSeenAt)), cell(t('admin.om.packetCounts', { received: d.packetsReceived, rejected: d.packetsRejected })),
    cell(`${(d.rejectionRate * 100).toFixed(1)} %`),
    cell(el('ul', { class: 'sensors' }, ...d.sensors.map((s) => el('li', { 'data-sensor': s.code, class: s.calibrationOverdue ? 'overdue' : null },
      `${s.code} ${s.model ?? ''} `, s.calibrationDue
        ? t(s.calibrationOverdue ? 'admin.om.overdue' : 'admin.om.due', { date: s.calibrationDue }) : t('admin.om.noSchedule')))))))));
}

function rejectionsPanel(rejections) {
  return panel('rejections', t('admin.om.rejections'), rejections.length === 0 ? el('p', { class: 'empty' }, t('admin.om.noRejections'))
    : table('rejection-table', [t('admin.om.receivedAt'), t('admin.om.channel'), t('admin.om.origin'), t('admin.om.mn'), t('admin.om.reason'),
      t('admin.om.excerpt')], rejections.map((r) => [when(r.receivedAt), r.channel, r.origin, r.mn, r.reason, el('code', {}, r.excerpt ?? '')])));
}

/** A time typed in the park's clock (datetime-local), as the instant the server takes; China Standard Time has no DST. */
function parkTime(input) {
  return input.value ? `${input.value.length === 16 ? `${input.value}:00` : input.value}+08:00` : null;
}

async function maintenance(devices) {
  const codes = devices.flatMap((d) => d.sensors.map((s) => s.code));
  const sensor = el('select', { name: 'sensor', id: 'maintenance-sensor' }, ...codes.map((c) => el('option', { value: c }, c)));
  const list = el('div', { id: 'maintenance-list' });
  async function show() {
    if (!sensor.value) return;
    const records = await api(`/api/v1/sensors/${encodeURIComponent(sensor.value)}/maintenance`);
    list.setAttribute('data-sensor', sensor.value);
    list.replaceChildren(records.length === 0 ? el('p', { class: 'empty' }, t('admin.om.noRecords')) : table('maintenance-table',
      [t('admin.om.kind'), t('admin.om.startedAt'), t('admin.om.endedAt'), t('admin.om.performedBy'), t('admin.om.result'), t('admin.om.notes')],
      records.map((r) => el('tr', { 'data-record': r.id }, cell(t(`admin.om.kind.${r.kind}`)), cell(when(r.startedAt)), cell(when(r.endedAt)),
        cell(r.performedBy), cell(r.result), cell(r.notes)))));
  }
  sensor.addEventListener('change', show);
  const kind = el('select', { name: 'kind' }, ...MAINTENANCE_KINDS.map((k) => el('option', { value: k }, t(`admin.om.kind.${k}`))));
  const startedAt = el('input', { type: 'datetime-local', name: 'startedAt' });
  const endedAt = el('input', { type: 'datetime-local', name: 'endedAt' });
  const performedBy = el('input', { type: 'text', name: 'performedBy', value: claims()?.name ?? claims()?.sub ?? '' });
  const result = el('input', { type: 'text', name: 'result' });
  const notes = el('textarea', { name: 'notes', rows: 2 });
  const submit = el('button', { type: 'submit', class: 'tool' }, t('admin.om.record'));
  const form = el('form', { id: 'maintenance-form', class: 'admin-form', novalidate: true }, el('h3', {}, t('admin.om.newRecord')),
    field(t('admin.om.kind'), kind), field(t('admin.om.startedAt'), startedAt), field(t('admin.om.endedAt'), endedAt),
    field(t('admin.om.performedBy'), performedBy), field(t('admin.om.result'), result), field(t('admin.om.notes'), notes), submit);
  onSubmit(form, submit, async () => {
    await api(`/api/v1/sensors/${encodeURIComponent(sensor.value)}/maintenance`, { method: 'POST', body: { kind: kind.value,
      startedAt: parkTime(startedAt), endedAt: parkTime(endedAt), performedBy: typed(performedBy), result: typed(result), notes: typed(notes) } });
    await show();
  });
  await show();
  return panel('maintenance', t('admin.om.maintenance'), field(t('admin.om.sensor'), sensor), list, form);
}
