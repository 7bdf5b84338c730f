// ECharts with only the parts the portal draws (line, scatter and bar series on a grid, tooltip, legend, zoom, limit
// lines): a third of the whole library, which the dashboard would otherwise load and parse on every visit.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartLocale } from './i18n.js';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

/** A chart in the element, labelled in the user's language. */
export function chart(element) {
  return echarts.init(element, null, { locale: chartLocale() });
}

