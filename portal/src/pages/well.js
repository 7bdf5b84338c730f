import { chart as newChart } from '../charts.js';
import { api, ApiError, clearProblems, showProblem } from '../api.js';
import { aggregates, latestAggregates, parameters } from '../data.js';
import { el, escapeHtml } from '../dom.js';
import { t, formatTime, parameterName } from '../i18n.js';
import { can } from '../roles.js';

const INTERVALS = ['hour', 'day', 'month'];
/** The window the page shows: a year up to the datastream's latest reading, aggregated on the server. */
const WINDOW_DAYS = 365;
const DAY_MS = 86400000;
const CLASS_NAMES = ['I', 'II', 'III', 'IV', 'V'];
const FORECAST_HOURS = '6,12,24,48,72';

/** The other sensor of a dual-sensor well measuring the same parameter ("…/B" beside the first), if any. */
function partnerOf(stream, streams) {
  const partner = stream.code.endsWith('/B') ? stream.code.slice(0, -2) : `${stream.code}/B`;
  return streams.find((d) => d.code === partner) ?? null;
}

/**
 * One well: a chart of one of its datastreams with zoom, class limit lines, buckets holding QA/QC-flagged readings
 * marked, the second sensor beside the first, the forecast with its 95 % band, the Mann–Kendall / Sen trend of the
 * daily means, a diagram of the well's screen and water level, and — for a data reviewer — the flagged data to decide.
 */
export async function render(section, params, query) {
  const code = params[0];
  const [well, streams, names] = await Promise.all([api(`/api/v1/wells/${encodeURIComponent(code)}`),
    api(`/api/v1/datastreams?well=${encodeURIComponent(code)}`), parameters()]);
  const preferred = streams.find((d) => d.parameter === query.get('parameter') && !d.code.endsWith('/B')) ?? streams[0];
  const streamPicker = el('select', { id: 'datastream', 'aria-label': t('well.datastream') },
    ...streams.map((d) => el('option', { value: d.id, selected: d === preferred }, `${parameterName(names.get(d.parameter))} (${d.code})`)));
  const intervalPicker = el('select', { id: 'interval', 'aria-label': t('well.interval') },
    ...INTERVALS.map((i) => el('option', { value: i, selected: i === (query.get('interval') ?? 'hour') }, t(`interval.${i}`))));
  const target = el('div', { class: 'chart', id: 'series' });
  const summary = el('p', { class: 'summary', id: 'summary' });
  const trend = el('p', { class: 'summary', id: 'trend' });
  const forecastNote = el('p', { class: 'summary', id: 'forecast-note' });
  const reviews = el('section', { id: 'reviews', class: 'reviews', hidden: true });
  const decided = el('div', { id: 'decided' }); // confirmations of this visit's decisions, kept across redraws
  const p = well.properties;
  const level = streams.find((d) => d.parameter === 'water-level' && !d.code.endsWith('/B'));
  section.append(el('h1', {}, p.nameZh),
    el('p', { class: 'well-facts' }, t('well.facts', { aquifer: p.aquifer, top: p.screenTopDepthM, bottom: p.screenBottomDepthM, status: p.status })),
    el('div', { class: 'tools' }, el('label', {}, t('well.datastream'), ' ', streamPicker), el('label', {}, t('well.interval'), ' ', intervalPicker)),
    el('div', { class: 'well-body' },
      el('div', { class: 'well-main' }, summary, trend, forecastNote, target, decided, reviews),
      el('aside', { class: 'well-side' }, el('h3', {}, t('well.construction')), depthDiagram(p, null))));
  // The water table joins the diagram when its daily mean is here. Asked once the chart is drawn, so that its request does
  // not compete with the chart's on a busy server.
  let waterTable = null;
  const showWaterTable = () => level && levelAt(level)
    .then((at) => at != null && section.querySelector('#depth-diagram')?.replaceWith(depthDiagram(p, at)))
    .catch(() => {}); // the diagram stays without its water table
  const chart = newChart(target);

  // The forecast (trained on the server) and the trend depend on the datastream only, not on the interval shown: asked
  // once per datastream on this page, as both count against the analysis rate limit.
  const forecasts = new Map();
  const trends = new Map();
  let drawing = 0;

  async function draw() {
    const mine = ++drawing;
    const stream = streams.find((d) => String(d.id) === streamPicker.value);
    const parameter = names.get(stream.parameter);
    const interval = intervalPicker.value;
    target.removeAttribute('data-points');
    target.removeAttribute('data-forecast');
    target.removeAttribute('data-second');
    const partner = partnerOf(stream, streams);
    const started = performance.now();
    // One request per sensor: the server finds the latest reading and answers the year up to it.
    const [result, second] = await Promise.all([latestAggregates(stream.id, interval, WINDOW_DAYS),
      partner ? latestAggregates(partner.id, interval, WINDOW_DAYS) : null]);
    if (mine !== drawing) return; // another datastream or interval was chosen meanwhile
    const secondSeries = partner && second ? { code: partner.code, buckets: second.buckets } : null;
    chart.setOption(option(result.buckets, parameter, secondSeries, null), true);
    const flagged = result.buckets.filter((b) => b.flagged > 0).length;
    summary.textContent = t('well.summary', { points: result.buckets.length, flagged, unit: parameter.unit });
    // The readings first; then the forecast, which the server trains (seconds of its time), joins them when it is ready.
    const forecasting = interval === 'month' ? null : forecastOf(stream);
    forecastNote.textContent = forecasting ? t('well.forecastPending') : '';
    target.setAttribute('data-points', String(result.buckets.length));
    if (partner && second) target.setAttribute('data-second', partner.code);
    target.setAttribute('data-load-ms', String(Math.round(performance.now() - started)));
    waterTable ??= showWaterTable();
    showTrend(stream, parameter, result.from, result.to, mine);
    showReviews(stream, mine);

    const forecast = await forecasting;
    if (mine !== drawing) return;
    const forecastPoints = forecast instanceof Error || !forecast ? [] : forecast.points;
    if (forecastPoints.length) chart.setOption(option(result.buckets, parameter, secondSeries, forecast), true);
    forecastNote.textContent = forecast instanceof ApiError ? t('well.noForecast', { reason: forecast.message })
      : forecast ? t('well.forecastNote', { hours: forecastPoints.at(-1)?.hours ?? 0, covariate: forecast.covariate ?? '—' }) : '';
    target.setAttribute('data-forecast', String(forecastPoints.length));
  }

  function forecastOf(stream) {
    if (!forecasts.has(stream.id)) {
      forecasts.set(stream.id, api(`/api/v1/datastreams/${stream.id}/forecast?horizons=${FORECAST_HOURS}`).catch((error) => error));
    }
    return forecasts.get(stream.id);
  }

  /** The Mann–Kendall test and Sen's slope of the daily means (the platform's analysis, for those allowed to run it). */
  async function showTrend(stream, parameter, from, to, mine) {
    trend.textContent = '';
    trend.removeAttribute('data-trend');
    if (!can('trend')) return;
    if (!trends.has(stream.id)) {
      trends.set(stream.id, aggregates(stream.id, 'day', from, to).then(({ buckets }) => {
        if (buckets.length < 4) return null;
        const origin = Date.parse(buckets[0].start);
        return api('/api/v1/analytics/trend', { method: 'POST',
          body: { times: buckets.map((b) => (Date.parse(b.start) - origin) / DAY_MS), values: buckets.map((b) => b.mean) } });
      }).catch((error) => error));
    }
    const answer = await trends.get(stream.id);
    if (mine !== drawing || !answer) return;
    if (answer instanceof Error) {
      trend.textContent = t('well.noTrend', { reason: answer.message });
      return;
    }
    trend.setAttribute('data-trend', answer.trend);
    // A slope that is zero but for rounding in the median of the pairwise slopes reads as 0, not 6.2e-20.
    const slope = (x) => (Math.abs(x) < 1e-12 ? '0' : x.toPrecision(3));
    trend.textContent = t('well.trend', { trend: t(`trend.${answer.trend}`), p: answer.pValue.toPrecision(2), slope: slope(answer.senSlope),
      lower: slope(answer.senSlopeLower), upper: slope(answer.senSlopeUpper), unit: parameter.unit, n: answer.n });
  }

  /** The open review tasks of this datastream: accept, correct (with the value) or reject, with a reason. */
  async function showReviews(stream, mine) {
    if (!can('review')) return;
    const open = (await api('/api/v1/reviews?status=OPEN')).filter((task) => task.datastreamId === stream.id);
    if (mine !== drawing) return;
    reviews.replaceChildren(el('h2', {}, t('well.reviews', { n: open.length })), ...open.map((task) => reviewTask(task, stream)));
    reviews.hidden = open.length === 0;
  }

  function reviewTask(task, stream) {
    const value = el('input', { type: 'number', step: 'any', name: 'value', placeholder: t('well.correctedValue'), 'aria-label': t('well.correctedValue') });
    const reason = el('input', { type: 'text', name: 'reason', placeholder: t('well.reason'), 'aria-label': t('well.reason') });
    const form = el('form', { class: 'review', 'data-review': task.id },
      el('div', {}, t('well.reviewTask', { from: formatTime(task.firstTime), to: formatTime(task.lastTime), n: task.readingCount, flags: task.flags.join(', ') })),
      value, reason,
      ...['ACCEPTED', 'CORRECTED', 'REJECTED'].map((decision) => el('button', { type: 'submit', value: decision, class: `decide-${decision.toLowerCase()}` }, t(`review.${decision}`))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearProblems(form);
      const decision = event.submitter.value;
      try {
        const outcome = await api(`/api/v1/reviews/${task.id}/decision`, { method: 'POST', body: {
          decision, value: decision === 'CORRECTED' && value.value !== '' ? Number(value.value) : null, reason: reason.value || null } });
        form.remove();
        decided.append(el('p', { class: 'decided', 'data-review': task.id }, t('well.decided', { status: t(`reviewed.${outcome.status}`), who: outcome.decidedBy })));
        forecasts.delete(stream.id); // the corrected readings change what the forecaster learns from
        trends.delete(stream.id);
        await draw();
      } catch (error) {
        showProblem(form, error, event.submitter);
      }
    });
    return form;
  }

  streamPicker.addEventListener('change', draw);
  intervalPicker.addEventListener('change', draw);
  await draw();
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}

/** The well's water level (a head, m above datum): the mean of the day of its latest reading. */
async function levelAt(stream) {
  const { buckets } = await latestAggregates(stream.id, 'day', 1);
  return buckets.length ? buckets.at(-1).mean : null;
}

/**
 * The well as drilled: ground, casing top, the screened interval and the water table, to scale in depth below ground
 * (an SVG drawn here, so it prints and zooms sharply).
 */
function depthDiagram(p, level) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = (tag, attributes, text) => {
    const node = document.createElementNS(NS, tag);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const bottom = Math.max(p.screenBottomDepthM ?? 10, 1) + 2;
  const height = 300;
  const top = 30;
  const y = (depth) => top + ((height - top - 10) * depth) / bottom;
  const drawing = svg('svg', { viewBox: `0 0 220 ${height}`, width: '100%', id: 'depth-diagram', role: 'img', 'aria-label': t('well.construction') });
  drawing.append(
    svg('rect', { x: 0, y: y(0), width: 220, height: height - y(0), fill: '#EFEBE9' }),
    svg('line', { x1: 0, x2: 220, y1: y(0), y2: y(0), stroke: '#5D4037', 'stroke-width': 2 }),
    svg('text', { x: 4, y: y(0) - 4, 'font-size': 11 }, t('well.ground', { elevation: p.groundElevationM ?? '—' })),
    svg('rect', { x: 96, y: y(0) - 10, width: 16, height: y(p.screenBottomDepthM ?? bottom) - y(0) + 10, fill: '#fff', stroke: '#455A64' }));
  if (p.screenTopDepthM != null && p.screenBottomDepthM != null) {
    drawing.append(svg('rect', { x: 96, y: y(p.screenTopDepthM), width: 16, height: y(p.screenBottomDepthM) - y(p.screenTopDepthM),
      fill: 'url(#slots)', stroke: '#455A64', 'data-screen': `${p.screenTopDepthM}-${p.screenBottomDepthM}` }),
    svg('text', { x: 118, y: y(p.screenTopDepthM) + 10, 'font-size': 11 }, t('well.screenTop', { depth: p.screenTopDepthM })),
    svg('text', { x: 118, y: y(p.screenBottomDepthM), 'font-size': 11 }, t('well.screenBottom', { depth: p.screenBottomDepthM })));
    const pattern = svg('pattern', { id: 'slots', width: 16, height: 4, patternUnits: 'userSpaceOnUse' });
    pattern.append(svg('rect', { width: 16, height: 4, fill: '#B0BEC5' }), svg('line', { x1: 2, x2: 14, y1: 2, y2: 2, stroke: '#37474F' }));
    const defs = svg('defs', {});
    defs.append(pattern);
    drawing.prepend(defs);
  }
  if (level != null && p.groundElevationM != null) {
    const depth = p.groundElevationM - level;
    drawing.append(svg('line', { x1: 20, x2: 200, y1: y(depth), y2: y(depth), stroke: '#1E88E5', 'stroke-width': 2, 'stroke-dasharray': '6 3', 'data-depth': depth.toFixed(2) }),
      // Two short lines left of the casing, so that they never run into the screen's labels on its right.
      svg('text', { x: 4, y: y(depth) + 14, 'font-size': 11, fill: '#1565C0' }, t('well.waterTable', { depth: depth.toFixed(2) })),
      svg('text', { x: 4, y: y(depth) + 27, 'font-size': 11, fill: '#1565C0' }, t('well.waterHead', { level: level.toFixed(2) })));
  }
  return drawing;
}

function option(buckets, parameter, second, forecast) {
  const limits = parameter.classLimits?.classes ?? [];
  // Times as numbers, parsed once here rather than by ECharts for every series; the lines are drawn at screen
  // resolution (LTTB), so a year of hours draws as fast as a month while zooming in shows every hour.
  const times = buckets.map((b) => Date.parse(b.start));
  const line = { type: 'line', sampling: 'lttb' };
  // Steps of one reading each (hours of hourly data) have no range: the band would be two more series of 8,760 points
  // drawn as nothing.
  const banded = buckets.some((b) => b.max > b.min);
  const points = forecast?.points ?? [];
  const ahead = points.length ? [[forecast.origin, forecast.originValue, forecast.originValue], ...points.map((f) => [f.time, f.lower, f.upper, f.value])] : [];
  return {
    animation: false,
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const item = items.find((i) => i.seriesId === 'mean');
        if (!item) {
          const f = items.find((i) => i.seriesId === 'forecast');
          return f ? escapeHtml(t('well.forecastTooltip', { time: formatTime(f.value[0]), value: Number(f.value[1]).toPrecision(4), unit: parameter.unit })) : '';
        }
        const b = buckets[item.dataIndex];
        return [formatTime(b.start), t('well.tooltip', { mean: b.mean.toPrecision(4), min: b.min, max: b.max, count: b.count, unit: parameter.unit }),
          b.flagged ? t('well.flagged', { n: b.flagged }) : ''].map(escapeHtml).join('<br>');
      },
    },
    legend: { top: 0, data: [t('well.mean'), ...(banded ? [t('well.range')] : []), ...(second ? [t('well.secondSensor', { code: second.code })] : []), t('well.flaggedSeries'),
      ...(ahead.length ? [t('well.forecast'), t('well.forecastBand')] : [])] },
    grid: { top: 40, left: 60, right: 80, bottom: 70 },
    dataZoom: [{ type: 'inside' }, { type: 'slider' }],
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: parameter.unit, scale: true },
    series: [
      // The min-max band: an invisible base at the minimum, then the range stacked on it.
      ...(banded ? [
        { ...line, id: 'min', data: buckets.map((b, i) => [times[i], b.min]), lineStyle: { opacity: 0 }, stack: 'range', symbol: 'none', tooltip: { show: false } },
        { ...line, name: t('well.range'), data: buckets.map((b, i) => [times[i], b.max - b.min]), lineStyle: { opacity: 0 }, stack: 'range', symbol: 'none',
          areaStyle: { color: 'rgba(30,136,229,0.18)' } },
      ] : []),
      { ...line, id: 'mean', name: t('well.mean'), data: buckets.map((b, i) => [times[i], b.mean]), showSymbol: false, color: '#1E88E5',
        markLine: limits.length ? {
          symbol: 'none', silent: true,
          data: limits.filter((c) => c.upper != null).map((c, i) => ({ yAxis: c.upper, name: t('well.classLimit', { class: CLASS_NAMES[i] }),
            label: { formatter: t('well.classLimit', { class: CLASS_NAMES[i] }), position: 'end' }, lineStyle: { type: 'dashed', color: '#757575' } })),
        } : undefined },
      ...(second ? [{ ...line, id: 'second', name: t('well.secondSensor', { code: second.code }), showSymbol: false, color: '#8E24AA',
        lineStyle: { width: 1 }, data: second.buckets.map((b) => [Date.parse(b.start), b.mean]) }] : []),
      { name: t('well.flaggedSeries'), type: 'scatter', symbol: 'triangle', symbolSize: 9, color: '#E53935',
        data: buckets.flatMap((b, i) => (b.flagged > 0 ? [[times[i], b.mean]] : [])) },
      ...(ahead.length ? [
        // The 95 % prediction band from the latest reading on: its lower edge, then its width stacked on it.
        { id: 'forecast-lower', type: 'line', data: ahead.map((a) => [a[0], a[1]]), lineStyle: { opacity: 0 }, stack: 'forecast', symbol: 'none', tooltip: { show: false } },
        { name: t('well.forecastBand'), type: 'line', data: ahead.map((a) => [a[0], a[2] - a[1]]), lineStyle: { opacity: 0 }, stack: 'forecast', symbol: 'none',
          areaStyle: { color: 'rgba(255,143,0,0.25)' }, color: '#FFB300' },
        { id: 'forecast', name: t('well.forecast'), type: 'line', data: [[forecast.origin, forecast.originValue], ...points.map((f) => [f.time, f.value])],
          color: '#EF6C00', lineStyle: { type: 'dashed' }, symbolSize: 5 },
      ] : []),
    ],
  };
}
