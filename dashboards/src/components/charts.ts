import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';

/** Only the ECharts parts the dashboard draws, so the bundle stays small. */
use([CanvasRenderer, LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent]);

export const SENTIMENT_COLOURS = { negative: '#e05252', neutral: '#a0a7b4', positive: '#3aa55d' };
