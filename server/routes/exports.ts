import { Router } from 'express';
import { api } from '../../shared/api';
import { planGeoJson, planKml, planReportHtml, sitesCsv } from '../../shared/export';
import { ApiError } from '../middleware/api-error';
import type { AuthTokens } from '../middleware/auth';
import type { ScenarioStore } from '../store/scenario-store';
import { register } from './register';
import { resolveRevision } from './resolve';

/** Content type of each export. */
const CONTENT_TYPE = {
  'sites.csv': 'text/csv; charset=utf-8',
  'plan.geojson': 'application/geo+json; charset=utf-8',
  'plan.kml': 'application/vnd.google-earth.kml+xml; charset=utf-8',
  'report.html': 'text/html; charset=utf-8',
} as const;

/** Exports of a stored plan: thin wrappers over the pure formatters in shared/export. */
export function exportRoutes(store: ScenarioStore, tokens: AuthTokens): Router {
  const r = Router();
  register(r, tokens, api.exportPlan, ({ params, query }, _req, res) => {
    const target = resolveRevision(store, params.id, query.revision, 'query.revision');
    const stored = store.plan(target.hash);
    if (!stored) {
      throw new ApiError(
        'not_planned',
        `revision ${target.revision} of "${params.id}" has not been planned yet`,
        '',
      );
    }
    const { summary } = stored;
    const scenario = target.scenario;
    let text: string;
    switch (params.format) {
      case 'sites.csv':
        text = sitesCsv(summary, scenario);
        break;
      case 'plan.geojson':
        text = JSON.stringify(planGeoJson(summary, scenario));
        break;
      case 'plan.kml':
        text = planKml(summary, scenario);
        break;
      case 'report.html':
        text = planReportHtml(summary, scenario, { language: query.lang });
        break;
    }
    const fileName = `${target.scenarioId}-r${target.revision}-${params.format}`;
    res.setHeader('Content-Type', CONTENT_TYPE[params.format]);
    if (params.format === 'report.html') {
      // The report is self-contained: inline styles, no scripts, no external resources.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
      res.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
    } else {
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    }
    res.send(text);
  });
  return r;
}
