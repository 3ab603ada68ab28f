// A chart in the page: the canvas is drawn by Chart.js (./charts, its own chunk, loaded on first use). A canvas says
// nothing to a screen reader, so every chart has a name (aria-label) and the page shows the same figures in a table.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DrawnChart } from './charts';

type Draw = (charts: typeof import('./charts'), canvas: HTMLCanvasElement) => DrawnChart;

export function ChartBox({ id, label, draw, deps, height = 240 }: { id: string; label: string; draw: Draw; deps: unknown[]; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let chart: DrawnChart | null = null, live = true;
    import('./charts').then((charts) => {
      if (live && canvas.current) chart = draw(charts, canvas.current);
    }, () => setFailed(true));
    return () => { live = false; chart?.destroy(); };
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps -- redrawn when its data changes
  return (
    <div class="chart" style={{ height: `${height}px` }}>
      {failed ? <p class="form-error">The chart could not be loaded.</p>
        : <canvas id={id} role="img" aria-label={label} ref={canvas} />}
    </div>
  );
}
