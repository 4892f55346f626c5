/**
 * The printable report built in the browser: shared/export's `planReportHtml` (KPIs, route profiles,
 * site table, unserved demand, assumptions, warnings; print CSS for A4) with a picture of the map as the
 * app shows it added under the heading. The page's title is the export file name, so the browser's
 * "Save as PDF" proposes `<scenario>_r<revision>_<date>.pdf`.
 */
import {
  planReportHtml,
  REPORT_STRINGS,
  type PlanSummary,
  type ReportLanguage,
} from '../../shared/export/index';
import type { Scenario } from '../../shared/index';

/** Print rules for the map figure (the report's own CSS covers the rest). */
const MAP_CSS = `
  figure.map { margin: .5rem 0 0; break-inside: avoid; }
  figure.map img { display: block; width: 100%; height: auto; border: 1px solid #ccd; border-radius: 4px; }
  figure.map figcaption { color: #555; font-size: .85rem; margin-top: .25rem; }
  .made { color: #555; font-size: .85rem; margin: 0 0 1rem; }
  @media print { figure.map img { max-height: 150mm; object-fit: contain; } }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ReportExtras {
  /** PNG data URL of the map, or null to leave the map out. */
  mapImage: string | null;
  /** Alternative text and caption of the map picture. */
  mapCaption: string;
  /** The page title (the file name "Save as PDF" proposes, without extension). */
  title: string;
  /** "Made on … from revision …" line. */
  made: string;
  /** The report's language (the app's current one). */
  language: ReportLanguage;
}

/** The report's HTML with the map picture inserted after the header. */
export function reportWithMap(plan: PlanSummary, scenario: Scenario, extras: ReportExtras): string {
  const html = planReportHtml(plan, scenario, { language: extras.language });
  const figure = extras.mapImage
    ? `<section><h2>${escapeHtml(REPORT_STRINGS[extras.language].sections.map)}</h2><figure class="map"><img src="${extras.mapImage}" alt="${escapeHtml(extras.mapCaption)}"><figcaption>${escapeHtml(extras.mapCaption)}</figcaption></figure></section>`
    : '';
  return html
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeHtml(extras.title)}</title>`)
    .replace('</style>', `${MAP_CSS}</style>`)
    .replace('</header>', `<p class="made">${escapeHtml(extras.made)}</p></header>\n${figure}`);
}

/**
 * Opens a window now (inside the click, so no pop-up blocker interferes) that shows `html` once it is
 * ready. Returns a function that fills it (or closes it on failure).
 */
export function reserveWindow(waitingText: string): {
  show(html: string): Window | null;
  cancel(): void;
} {
  const win = window.open('', '_blank');
  if (win) {
    win.document.title = waitingText;
    win.document.body.textContent = waitingText;
  }
  return {
    show(html) {
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      window.setTimeout(() => URL.revokeObjectURL(url), 120_000);
      if (win && !win.closed) {
        win.location.href = url;
        return win;
      }
      return window.open(url, '_blank');
    },
    cancel() {
      win?.close();
    },
  };
}
