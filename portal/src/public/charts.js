// ECharts with only what the public portal draws: stacked bars of wells per GB/T 14848 class.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartLocale, formatDay, parameterName, t } from './i18n.js';
import { CLASS_COLOURS } from './classes.js';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

const CLASSES = [1, 2, 3, 4, 5];

function chart(element, description) {
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', description);
  return echarts.init(element, null, { locale: chartLocale() });
}

function classSeries(data) {
  return CLASSES.map((c, i) => ({
    name: t(`class.${c}`), type: 'bar', stack: 'wells', barMaxWidth: 28, itemStyle: { color: CLASS_COLOURS[i] },
    emphasis: { focus: 'series' }, data: data.map((counts) => counts[i] || null),
  }));
}

/** Wells per class of each measured parameter now: one horizontal bar per parameter. */
export function currentChart(element, parameters, countsOf) {
  const rows = parameters.map((p) => ({ name: parameterName(p), counts: countsOf(p.code) }));
  const summary = rows.map((r) => t('chart.summaryItem', { parameter: r.name,
    counts: r.counts.map((n, i) => (n ? `${t(`class.${i + 1}`)} ${n}` : null)).filter(Boolean).join(t('list.separator')) })).join('; ');
  const instance = chart(element, t('chart.currentLabel', { summary }));
  instance.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { top: 36, left: 12, right: 24, bottom: 28, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: t('chart.wells'), nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisTick: { show: false } },
    series: classSeries(rows.map((r) => r.counts)),
  });
  return instance;
}

/** Wells per class, day by day, of one parameter: one stacked bar per day of the window, empty where nothing is shown. */
export function trendChart(element, parameter, history, days) {
  const byDay = new Map(history.steps.map((s) => [Date.parse(s.start), s.classes]));
  // From the first day with data: a window that starts before the data does would open on empty days.
  const first = Math.max(Date.parse(history.from), Math.min(...history.steps.map((s) => Date.parse(s.start))));
  const last = Date.parse(history.to);
  const labels = [];
  const data = [];
  for (let day = first; day < last; day += 86400000) {
    labels.push(formatDay(new Date(day).toISOString()));
    data.push(byDay.get(day) ?? []);
  }
  const instance = chart(element, t('chart.trendLabel', { parameter: parameterName(parameter), days, n: history.steps.length }));
  instance.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { top: 40, left: 12, right: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1, name: t('chart.wells'), nameTextStyle: { align: 'left' } },
    series: classSeries(data),
  });
  return instance;
}
