import type { TopLevelSpec } from 'vega-lite';

/** Escapes text for XML and HTML alike (element content and quoted attributes). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

type Renderer = (spec: TopLevelSpec) => Promise<string>;
let renderer: Promise<Renderer> | undefined;

/**
 * Vega-Lite compiles the spec, Vega renders it headless (renderer 'none': no canvas, text widths
 * estimated, so the same spec gives the same bytes anywhere). Both are loaded on first use only:
 * a report without charts never pays for them (esbuild puts them in a chunk of their own).
 */
function loadRenderer(): Promise<Renderer> {
  renderer ??= Promise.all([import('vega-lite'), import('vega')]).then(([vl, vega]) => {
    // Vega measures text with the `canvas` package when it can import one: estimated widths keep
    // the bytes independent of what else is installed.
    (vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(false);
    return render(vl, vega);
  });
  return renderer;
}

function render(vl: typeof import('vega-lite'), vega: typeof import('vega')): Renderer {
  return async (spec: TopLevelSpec) => {
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };
}

/**
 * A chart as a standalone SVG document with its alt text as `<title>` and `role="img"`, so a
 * screen reader reads the same sentence whether the file is opened alone or inlined in HTML.
 */
export async function renderSvg(spec: TopLevelSpec, alt: string): Promise<string> {
  const svg = await (await loadRenderer())(spec);
  const open = svg.indexOf('>') + 1;
  return `${svg.slice(0, open - 1)} role="img" aria-label="${escapeXml(alt)}"><title>${escapeXml(alt)}</title>${svg.slice(open)}\n`;
}

/** The same SVG for inlining in HTML: the namespace declarations are implied there, and dropping them leaves the page without a single URL. */
export function inlineSvg(svg: string): string {
  return svg.replace(/ xmlns(:xlink)?="[^"]*"/g, '').trimEnd();
}
