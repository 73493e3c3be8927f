import { html, trusted, type HtmlValue, type SafeHtml } from './template.js';

/**
 * The page shell shared by the recommendation and comparison reports: one self-contained file with
 * inline CSS (light and dark, print to A4) and no external resource. A Content-Security-Policy forbids
 * every fetch, so even a value that escaped escaping could load nothing; the one inline script is
 * allowed by its hash.
 */

/** Colours per scheme; test/html.test.ts checks their contrast (text 4.5:1, graphics 3:1). */
export const PALETTE = {
  light: {
    bg: '#ffffff',
    fg: '#1b1f24',
    muted: '#57606a',
    line: '#d0d7de',
    panel: '#f6f8fa',
    accent: '#0b5cad',
    bar: '#6e7781',
    good: '#1a7f37',
    bad: '#b42318',
    warn: '#8a5a00',
  },
  dark: {
    bg: '#0d1117',
    fg: '#e6edf3',
    muted: '#9198a1',
    line: '#3d444d',
    panel: '#161b22',
    accent: '#58a6ff',
    bar: '#8b949e',
    good: '#3fb950',
    bad: '#f85149',
    warn: '#d29922',
  },
} as const;

/** The most a heat-map cell is tinted with the accent colour (at fit 1), so its text keeps its contrast. */
export const HEAT_MAX = 0.5;

const vars = (scheme: keyof typeof PALETTE) =>
  Object.entries(PALETTE[scheme])
    .map(([name, value]) => `--${name}:${value}`)
    .join(';');

const CSS = `
:root{color-scheme:light dark;${vars('light')}}
@media (prefers-color-scheme:dark){:root{${vars('dark')}}}
*{box-sizing:border-box}
figure{margin:0}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .4rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.muted,caption,.note{color:var(--muted)}
.kicker{margin:0;color:var(--muted);font-size:.9rem}
.headline{font-size:1.15rem;font-weight:600;margin:.6rem 0}
.badge{display:inline-block;padding:.05rem .5rem;border:1px solid currentColor;border-radius:1rem;font-size:.8rem;font-weight:600;vertical-align:middle}
.good{color:var(--good)}.bad{color:var(--bad)}.warn{color:var(--warn)}
.facts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.6rem 0;padding:0;list-style:none}
.facts li{background:var(--panel);border:1px solid var(--line);border-radius:.4rem;padding:.35rem .7rem}
.facts b{display:block;font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.9rem}
caption{text-align:left;font-size:.85rem;padding:.2rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.heat td{text-align:center;background:color-mix(in srgb,var(--accent) calc(var(--fit)*${HEAT_MAX * 100}%),transparent);font-variant-numeric:tabular-nums}
table.heat td small{display:block;color:inherit}
table.heat td.off{background:transparent;color:var(--muted)}
.wrap{overflow-wrap:anywhere}
svg{display:block;width:100%;height:auto;max-width:100%;margin:.4rem 0 .8rem;font:13px system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
svg text{fill:var(--fg)}
svg .muted{fill:var(--muted)}
svg .grid{stroke:var(--line);stroke-width:1}
svg .axis{stroke:var(--muted);stroke-width:1}
svg .bar{fill:var(--bar)}
svg .win{fill:var(--accent)}
svg .tie{fill:var(--warn)}
svg .hold{fill:var(--accent)}
svg .lose{fill:var(--bad)}
svg .mark{fill:var(--fg);stroke:var(--bg);stroke-width:1.5}
svg .bracket{stroke:var(--fg);stroke-width:1.5;fill:none}
svg .site{fill:var(--panel);stroke:var(--line);stroke-width:1.5}
svg .role{fill:var(--bg);stroke:var(--muted);stroke-width:1}
svg .node{fill:var(--accent)}
svg .node2{fill:var(--bar)}
svg .link{stroke:var(--accent);stroke-width:2;stroke-dasharray:6 4;fill:none}
svg .arrow{fill:var(--accent)}
details{border:1px solid var(--line);border-radius:.4rem;padding:.3rem .7rem;margin:.5rem 0;background:var(--panel)}
details[open]{background:var(--bg)}
summary{cursor:pointer;font-weight:600}
details table{margin-top:.5rem}
table.contrib{table-layout:fixed}
table.contrib code,table.contrib a{overflow-wrap:anywhere}
ul{padding-left:1.3rem}
li{margin:.15rem 0}
dl.extra{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.4rem 0}
dl.extra dt{font-weight:600}
dl.extra dd{margin:0}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.88em}
footer{margin-top:2.5rem;padding-bottom:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.85rem;color:var(--muted);margin:0 0 .6rem;padding:0;list-style:none}
.key{display:inline-block;width:.8rem;height:.8rem;border-radius:.15rem;vertical-align:-.1rem;margin-right:.3rem}
.key.win{background:var(--accent)}.key.bar{background:var(--bar)}.key.tie{background:var(--warn)}.key.lose{background:var(--bad)}
@page{size:A4;margin:14mm 12mm}
@media print{
:root{${vars('light')}}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
body{font-size:10pt;background:#fff}
table{font-size:8.5pt}
header,main,footer{max-width:none;padding:0}
h2{break-after:avoid}
h3{break-after:avoid}
svg,figure,.facts li{break-inside:avoid}
details{border:0;padding:0;background:none}
summary{list-style:none}
a{color:inherit;text-decoration:none}
}
`
  .trim()
  .replace(/\n/g, '');

/** Opens every <details> before printing, so the printed page has every contribution. */
export const PRINT_SCRIPT =
  "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});";
/** sha256 of PRINT_SCRIPT, base64 (checked by a test), for the Content-Security-Policy. */
export const PRINT_SCRIPT_SHA256 = '+ArYvNkPUhbHKSUpuOkZPlUHKocNOm074sGTidvKJp8=';

const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${PRINT_SCRIPT_SHA256}'; base-uri 'none'; form-action 'none'`;

export interface Page {
  title: string;
  header: HtmlValue;
  main: HtmlValue;
  footer: HtmlValue;
}

export function renderPage(page: Page): string {
  const doc: SafeHtml = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trusted(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="mqselect">
<title>${page.title}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<header>
${page.header}
</header>
<main>
${page.main}
</main>
<footer>
${page.footer}
</footer>
<script>${trusted(PRINT_SCRIPT)}</script>
</body>
</html>
`;
  return doc.text;
}
