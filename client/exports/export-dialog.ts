/**
 * Exports from the app: the server's sites CSV, GeoJSON and KML of the stored plan (downloaded under the
 * app's own file names), the printable report (built here with a picture of the map; print or "Save as
 * PDF" from its tab) and a PNG of the map. Files are named `<scenario>_r<revision>_<YYYY-MM-DD>.<ext>`.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PlanResultResponse } from '../../shared/api/index';
import { formatInstant, locale, t, type MessageKey } from '../i18n/index';
import { h, replaceChildren } from '../panels/dom';
import { formatLocalDateTime, safarLabel, stepMinutes } from '../panels/time-format';
import { currentDoc, isDirty, notify, type WorkspaceStore } from '../state/workspace';
import { openDialog } from '../scenarios/dialog';
import { fetchExport, getPlanSummary, getRevision, type ExportFormat } from '../scenarios/scenario-api';
import { describeError } from '../scenarios/workspace-actions';
import { dataUrlToBlob, downloadBlob, downloadText } from './download';
import { exportFileName } from './file-name';
import { mapImageWithCaption } from './map-image';
import { reportWithMap, reserveWindow } from './report';
import './exports.css';

export interface ExportHooks {
  map: MapLibreMap;
  /** Plans the open revision (the Plan button's action). */
  plan(): void;
}

interface ServerExport {
  /** The export's name on the server: `<base>.<ext>`. */
  base: 'sites' | 'plan';
  ext: 'csv' | 'geojson' | 'kml';
  label: MessageKey;
  hint: MessageKey;
}

const SERVER_EXPORTS: ServerExport[] = [
  { base: 'sites', ext: 'csv', label: 'exports.sitesCsv', hint: 'exports.sitesCsvHint' },
  { base: 'plan', ext: 'geojson', label: 'exports.geojson', hint: 'exports.geojsonHint' },
  { base: 'plan', ext: 'kml', label: 'exports.kml', hint: 'exports.kmlHint' },
];

/** The map picture with its caption (scenario, revision, hour shown, sources). */
async function mapPicture(store: WorkspaceStore, map: MapLibreMap): Promise<string> {
  const s = store.get();
  const doc = currentDoc(s);
  const grid = s.timeModel?.grid;
  const minutes = grid ? stepMinutes(grid, s.step) : null;
  return mapImageWithCaption(map, {
    title: s.saved
      ? `${doc.name} — ${t('scenario.revision', { revision: String(s.saved.revision) })}`
      : doc.name,
    subtitle:
      minutes === null ? '' : `${formatLocalDateTime(minutes)} · ${safarLabel(minutes, doc.arbaeenDay)}`,
    credit: t('exports.mapCredit'),
    dir: locale().dir,
  });
}

/** Opens the export dialog for the open revision. */
export function openExportDialog(store: WorkspaceStore, hooks: ExportHooks): void {
  const d = openDialog({ title: t('exports.title'), testId: 'export-dialog', className: 'exports' });
  const s = store.get();
  const doc = currentDoc(s);
  const saved = s.saved;
  const name = (ext: string) => exportFileName(doc.name, saved?.revision ?? null, ext);
  const status = h('p', {
    class: 'muted small',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'export-status',
  });

  const item = (o: {
    label: string;
    hint: string;
    file: string;
    testId: string;
    disabled?: boolean;
    action: () => Promise<void>;
  }) => {
    const button = h(
      'button',
      { type: 'button', class: 'btn', 'data-testid': o.testId, disabled: o.disabled ?? false },
      o.label,
    );
    button.addEventListener('click', () => {
      button.disabled = true;
      status.textContent = t('exports.preparing');
      o.action().then(
        () => {
          status.textContent = t('exports.done', { file: o.file });
          button.disabled = false;
        },
        (e: unknown) => {
          status.textContent = '';
          button.disabled = false;
          notify(store, 'error', t('exports.failed', { reason: describeError(e) }));
        },
      );
    });
    return h(
      'li',
      { class: 'export-item' },
      button,
      h('span', { class: 'export-hint' }, o.hint),
      h('code', { class: 'export-file', dir: 'ltr' }, o.file),
    );
  };

  const planned = h(
    'div',
    { class: 'export-plan-state', 'data-testid': 'export-plan-state' },
    t('manager.loading'),
  );
  const serverList = h('ul', { class: 'export-list' });
  const localList = h('ul', { class: 'export-list' });

  const renderServer = (plan: PlanResultResponse | null) => {
    const usable = saved !== null && plan !== null;
    if (!saved) replaceChildren(planned, h('p', { class: 'warn-text' }, t('exports.notSaved')));
    else if (!plan)
      replaceChildren(
        planned,
        h('p', { class: 'warn-text' }, t('exports.notPlanned', { revision: String(saved.revision) })),
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary small',
            'data-testid': 'export-plan-now',
            onclick: () => {
              d.close();
              hooks.plan();
            },
          },
          t('exports.planNow'),
        ),
      );
    else
      replaceChildren(
        planned,
        h(
          'p',
          {},
          t('exports.ofRevision', {
            revision: String(saved.revision),
            when: formatInstant(plan.createdAt),
          }),
        ),
        isDirty(s) ? h('p', { class: 'warn-text' }, t('exports.unsavedNote')) : null,
      );
    replaceChildren(
      serverList,
      ...SERVER_EXPORTS.map((x) =>
        item({
          label: t(x.label),
          hint: t(x.hint),
          file: name(x.ext),
          testId: `export-${x.ext}`,
          disabled: !usable,
          action: async () => {
            if (!saved) return;
            const format = `${x.base}.${x.ext}` as ExportFormat;
            downloadBlob(await fetchExport(saved.id, saved.revision, format), name(x.ext));
          },
        }),
      ),
      item({
        label: t('exports.report'),
        hint: t('exports.reportHint'),
        file: name('pdf'),
        testId: 'export-report',
        disabled: !usable,
        action: async () => {
          if (!saved || !plan) return;
          const win = reserveWindow(t('exports.preparing'));
          try {
            win.show(await reportHtml(plan));
          } catch (e) {
            win.cancel();
            throw e;
          }
        },
      }),
      item({
        label: t('exports.reportFile'),
        hint: t('exports.reportFileHint'),
        file: name('html'),
        testId: 'export-html',
        disabled: !usable,
        action: async () => {
          if (!plan) return;
          downloadText(await reportHtml(plan), name('html'), 'text/html');
        },
      }),
    );
  };

  const reportHtml = async (plan: PlanResultResponse): Promise<string> => {
    if (!saved) throw new Error(t('exports.notSaved'));
    const revision = await getRevision(saved.id, saved.revision);
    const image = await mapPicture(store, hooks.map).catch(() => null);
    return reportWithMap(plan, revision.scenario, {
      mapImage: image,
      mapCaption: t('exports.mapCaption', { name: revision.name, revision: String(saved.revision) }),
      title: name('pdf').replace(/\.pdf$/, ''),
      made: t('exports.made', {
        when: formatInstant(new Date().toISOString()),
        revision: String(saved.revision),
      }),
      language: locale().id,
    });
  };

  replaceChildren(
    localList,
    item({
      label: t('exports.png'),
      hint: t('exports.pngHint'),
      file: name('png'),
      testId: 'export-png',
      action: async () => downloadBlob(await dataUrlToBlob(await mapPicture(store, hooks.map)), name('png')),
    }),
  );

  d.body.append(
    h('h3', {}, t('exports.planFiles')),
    planned,
    serverList,
    h('h3', {}, t('exports.mapFiles')),
    localList,
    status,
  );
  d.footer.append(h('button', { type: 'button', class: 'btn', onclick: () => d.close() }, t('common.close')));
  renderServer(null);
  replaceChildren(planned, t('manager.loading'));
  if (saved) {
    getPlanSummary(saved.id, saved.revision).then(renderServer, (e: unknown) => {
      renderServer(null);
      notify(store, 'error', t('exports.failed', { reason: describeError(e) }));
    });
  } else renderServer(null);
}
