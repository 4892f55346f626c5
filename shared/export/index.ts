/** Exports of a plan: pure string/object formatters shared by the server and the CLI. */
export * from './plan-summary';
export * from './csv';
export * from './sites-csv';
export * from './plan-geojson';
export * from './plan-kml';
export * from './report-html';
export * from './report-strings';
export * from './segment-service';
export { escapeXml } from './xml';
export { routeProfileSvg } from './profile-chart';
