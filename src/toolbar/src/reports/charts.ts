// Chart.js with only the parts the reports draw (bars, horizontal floating bars for the timeline), so its chunk stays
// small. Loaded by the reports page on first use; the agent's first load never carries it.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { AgentStatus } from '../api/types';
import { clock, STATE_LABELS, type TimelineBar } from './model';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

function css(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The app's own state colours (styles.css), so a chart reads like the toolbar and the desk. */
function stateColour(s: AgentStatus): string {
  switch (s) {
    case 'Ready': return css('--ok', '#1a7f37');
    case 'NotReady': return css('--bad', '#c62828');
    case 'Ringing': return css('--ring', '#b35c00');
    case 'OnCall': return css('--accent', '#0b5fff');
    case 'WrapUp': return css('--wrap', '#6f42c1');
    default: return css('--muted', '#5b6470');
  }
}

function base(): Pick<ChartConfiguration<'bar'>, 'options'>['options'] {
  const fg = css('--fg', '#1b1f24'), line = css('--line', '#d7dbe0');
  Chart.defaults.color = fg;
  Chart.defaults.borderColor = line;
  return { responsive: true, maintainAspectRatio: false, animation: false };
}

export interface BarSeries { label: string; values: number[]; colour: 'ok' | 'bad' | 'accent' | 'wrap' | 'warn' }

/** Grouped bars: one group per label, one bar per series. */
export function bars(canvas: HTMLCanvasElement, labels: string[], series: BarSeries[], unit = ''): DrawnChart {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: css(`--${s.colour}`, '#0b5fff') })) },
    options: {
      ...base(),
      scales: { y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => `${v}${unit}` } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

/** One agent's day: a bar per state interval on a 0–24 h axis (UTC), coloured by state. */
export function timeline(canvas: HTMLCanvasElement, agent: string, items: TimelineBar[]): DrawnChart {
  const statuses = [...new Set(items.map((b) => b.status))];
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: [agent],
      datasets: statuses.map((s) => ({
        label: STATE_LABELS[s],
        data: items.filter((b) => b.status === s).map((b) => ({ x: [b.fromHour, b.toHour] as [number, number], y: agent, label: b.label })),
        backgroundColor: stateColour(s),
        grouped: false,
        barPercentage: 0.9,
        categoryPercentage: 1,
      })),
    },
    options: {
      ...base(),
      indexAxis: 'y',
      scales: { x: { type: 'linear', min: 0, max: 24, ticks: { stepSize: 2, callback: (v) => clock(Number(v)) } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const raw = ctx.raw as { x: [number, number]; label: string };
              return `${raw.label}: ${clock(raw.x[0])}–${clock(raw.x[1])}`;
            },
          },
        },
      },
    },
  });
}

/** What the page keeps of a drawn chart: a way to remove it. */
export interface DrawnChart { destroy(): void }
