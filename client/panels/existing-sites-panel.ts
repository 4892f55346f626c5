/**
 * Existing sites (free, used first by the planner): how many the scenario has and of which types,
 * importing more from a CSV file (read by the server: header aliases, decimal or DMS coordinates; the rows
 * it could not read are listed), and removing them all. Each change is one undoable edit; a file whose
 * sites would make the scenario invalid changes nothing.
 */
import type { ImportSitesResponse, SiteImportProblemCode } from '../../shared/api/index';
import { formatNumber, t, type MessageKey } from '../i18n/index';
import { importSitesCsv } from '../scenarios/scenario-api';
import { describeError } from '../scenarios/workspace-actions';
import { addExistingSites, removeExistingSites } from '../state/scenario-edits';
import { FAR_OUTSIDE_KM, rowsFarOutside } from '../state/site-area';
import { changed } from '../state/store';
import { currentDoc, edit, importExistingSites, notify, type WorkspaceStore } from '../state/workspace';
import { fieldErrorText, h, rerender } from './dom';

/** What the last import read: shown under the buttons until the next one. */
interface LastImport {
  file: string;
  added: number;
  /** Rows the server could not read into a site (a row may have several problems). */
  skipped: number;
  /** Rows of added sites far outside the scenario's area (swapped coordinates?). */
  farOutside: number[];
  problems: ImportSitesResponse['problems'];
}

/** Rows listed with a problem that gave no site (a row with one field too many is still read). */
function skippedRows(answer: ImportSitesResponse): number {
  const read = new Set(answer.sites.map((s) => s.row));
  return new Set(answer.problems.map((p) => p.row).filter((row) => !read.has(row))).size;
}

/** Why a row or cell could not be read, in the app's words. */
const PROBLEM_TEXT: Record<SiteImportProblemCode, MessageKey> = {
  empty: 'existing.problem.empty',
  wrongHemisphere: 'existing.problem.wrongHemisphere',
  negativeWithHemisphere: 'existing.problem.negativeWithHemisphere',
  notCoordinate: 'existing.problem.notCoordinate',
  minutesSeconds: 'existing.problem.minutesSeconds',
  outsideRange: 'existing.problem.outsideRange',
  quoteNotClosed: 'existing.problem.quoteNotClosed',
  badQuotes: 'existing.problem.badQuotes',
  tooFewFields: 'existing.problem.tooFewFields',
  tooManyFields: 'existing.problem.tooManyFields',
};

/** Problem rows listed under the last import (the rest are counted). */
const SHOWN_PROBLEMS = 8;

export function mountExistingSitesPanel(root: HTMLElement, store: WorkspaceStore): void {
  const body = h('details', { class: 'existing-sites', 'data-testid': 'existing-sites' });
  root.append(body);
  let last: LastImport | null = null;
  /** Site type of rows without a type column, as picked (the scenario's first type when unset or gone). */
  let picked: string | null = null;
  const defaultType = (): string | undefined => {
    const types = currentDoc(store.get()).siteTypes;
    return types.find((st) => st.id === picked)?.id ?? types[0]?.id;
  };

  const importFile = async (file: File) => {
    const typeId = defaultType();
    let answer;
    try {
      answer = await importSitesCsv(await file.text(), typeId);
    } catch (e) {
      notify(store, 'error', t('existing.importFailed', { file: file.name, reason: describeError(e) }));
      return;
    }
    if (answer.sites.length === 0) {
      last = {
        file: file.name,
        added: 0,
        skipped: skippedRows(answer),
        farOutside: [],
        problems: answer.problems,
      };
      notify(
        store,
        'error',
        t('existing.importFailed', { file: file.name, reason: t('existing.importNone') }),
      );
      render();
      return;
    }
    const sites = answer.sites.map((s) => ({
      id: s.id,
      name: s.name,
      lon: s.lon,
      lat: s.lat,
      siteType: s.siteType ?? typeId ?? '',
    }));
    const result = importExistingSites(store, (d) => addExistingSites(d, sites));
    if (!result.ok) {
      // existingSites[n].field of a new site → the CSV row it came from.
      const errors = result.errors
        .slice(0, 3)
        .map((e) => {
          const m = /^existingSites\[(\d+)\]\.?(.*)$/.exec(e.path);
          const site = m ? answer.sites[Number(m[1]) - result.firstNew] : undefined;
          if (!site || !m) return `${e.path}: ${fieldErrorText(e)}`;
          const column = answer.columns[m[2] as keyof typeof answer.columns] ?? m[2];
          return t('existing.problem', { row: formatNumber(site.row), column, message: fieldErrorText(e) });
        })
        .join('; ');
      notify(store, 'error', t('existing.importFailed', { file: file.name, reason: errors }));
      return;
    }
    last = {
      file: file.name,
      added: result.added.length,
      skipped: skippedRows(answer),
      farOutside: rowsFarOutside(currentDoc(store.get()), answer.sites),
      problems: answer.problems,
    };
    notify(
      store,
      'info',
      t('existing.imported', { count: formatNumber(result.added.length), file: file.name }),
    );
    render();
  };

  const fileInput = h('input', {
    type: 'file',
    accept: '.csv,text/csv,text/plain',
    hidden: true,
    'data-testid': 'existing-sites-input',
    onchange: () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) void importFile(file);
    },
  });

  const build = () => {
    const state = store.get();
    const doc = currentDoc(state);
    const sites = doc.existingSites ?? [];
    const byType = new Map<string, number>();
    for (const s of sites) byType.set(s.siteType, (byType.get(s.siteType) ?? 0) + 1);
    const typeId = defaultType() ?? '';
    return [
      h('summary', {}, h('h2', {}, t('existing.heading'))),
      h(
        'p',
        { 'data-testid': 'existing-sites-count' },
        sites.length === 0
          ? t('existing.none')
          : t('existing.count', {
              count: formatNumber(sites.length),
              types: [...byType].map(([id, n]) => `${formatNumber(n)} × ${id}`).join(', '),
            }),
      ),
      h('p', { class: 'muted hint' }, t('existing.hint')),
      h(
        'label',
        { class: 'field' },
        h('span', { class: 'field-label' }, t('existing.defaultType')),
        h(
          'select',
          {
            'data-testid': 'existing-sites-type',
            onchange: (e: Event) => (picked = (e.target as HTMLSelectElement).value),
          },
          ...doc.siteTypes.map((st) =>
            h('option', { value: st.id, selected: st.id === typeId }, `${st.name} (${st.id})`),
          ),
        ),
      ),
      h(
        'div',
        { class: 'btn-row' },
        h(
          'button',
          {
            class: 'btn',
            'data-testid': 'existing-sites-import',
            disabled: state.readOnly !== null,
            onclick: () => fileInput.click(),
          },
          t('existing.import'),
        ),
        h(
          'button',
          {
            class: 'btn',
            'data-testid': 'existing-sites-remove',
            disabled: state.readOnly !== null || sites.length === 0,
            onclick: () => edit(store, removeExistingSites),
          },
          t('existing.removeAll'),
        ),
        fileInput,
      ),
      last
        ? h(
            'div',
            { class: 'existing-last', 'data-testid': 'existing-sites-last' },
            t('existing.lastImport', {
              file: last.file,
              added: formatNumber(last.added),
              skipped: formatNumber(last.skipped),
            }),
            last.farOutside.length > 0
              ? h(
                  'p',
                  { class: 'warn-text', 'data-testid': 'existing-sites-far' },
                  t('existing.farOutside', {
                    count: formatNumber(last.farOutside.length),
                    km: formatNumber(FAR_OUTSIDE_KM),
                    rows: last.farOutside
                      .slice(0, SHOWN_PROBLEMS)
                      .map((r) => formatNumber(r))
                      .join(', '),
                  }),
                )
              : null,
            last.problems.length > 0
              ? h(
                  'ul',
                  { class: 'field-errors' },
                  ...last.problems.slice(0, SHOWN_PROBLEMS).map((p) =>
                    h(
                      'li',
                      {},
                      t(p.path ? 'existing.problem' : 'existing.problemRow', {
                        row: formatNumber(p.row),
                        column: p.path,
                        message: p.code ? t(PROBLEM_TEXT[p.code], p.params) : p.message,
                      }),
                    ),
                  ),
                  last.problems.length > SHOWN_PROBLEMS
                    ? h(
                        'li',
                        {},
                        t('existing.moreProblems', {
                          count: formatNumber(last.problems.length - SHOWN_PROBLEMS),
                        }),
                      )
                    : null,
                )
              : null,
          )
        : null,
    ];
  };
  const render = () => rerender(body, build);
  render();
  store.subscribe((s, p) => {
    const d = s.history.present;
    const q = p.history.present;
    if (d.existingSites !== q.existingSites || d.siteTypes !== q.siteTypes || changed(s, p, 'readOnly'))
      render();
  });
}
