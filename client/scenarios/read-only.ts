/**
 * Read-only view of an older revision: a banner over the map says which revision is shown and offers
 * to restore it (as a new revision) or go back to the latest; the editing panels become inert (no
 * pointer, no keyboard focus) and files dropped on the map are refused. `edit` refuses changes as well,
 * so nothing can slip through a path the panels do not cover.
 */
import { t } from '../i18n/index';
import { h, replaceChildren } from '../panels/dom';
import { changed } from '../state/store';
import { notify, type WorkspaceStore } from '../state/workspace';
import { icon } from './icons';
import { openScenario, restoreRevision, type WorkspaceHooks } from './workspace-actions';

export interface ReadOnlyTargets {
  /** The app's root element (gets the `read-only` class). */
  app: HTMLElement;
  /** Where the banner goes (the map area). */
  bannerHost: HTMLElement;
  /** Sections to make inert while read-only (route list and editor, parameters). */
  editors: () => Iterable<Element>;
  /** The scenario panel, whose name field becomes read-only. */
  scenarioBox: HTMLElement;
}

export function mountReadOnly(store: WorkspaceStore, hooks: WorkspaceHooks, targets: ReadOnlyTargets): void {
  const banner = h('div', {
    class: 'readonly-banner',
    role: 'status',
    'aria-live': 'polite',
    hidden: true,
    'data-testid': 'readonly-banner',
  });
  targets.bannerHost.append(banner);

  const lockNameField = () => {
    const readOnly = store.get().readOnly !== null;
    for (const input of targets.scenarioBox.querySelectorAll<HTMLInputElement>('input[type=text]')) {
      input.readOnly = readOnly;
      input.setAttribute('aria-readonly', String(readOnly));
    }
  };
  new MutationObserver(lockNameField).observe(targets.scenarioBox, { childList: true, subtree: true });

  const render = () => {
    const s = store.get();
    const ro = s.readOnly;
    targets.app.classList.toggle('read-only', ro !== null);
    for (const el of targets.editors()) (el as HTMLElement).inert = ro !== null;
    lockNameField();
    banner.hidden = ro === null;
    if (!ro || !s.saved) return;
    const saved = s.saved;
    replaceChildren(
      banner,
      icon('lock'),
      h(
        'span',
        { class: 'readonly-text' },
        h(
          'strong',
          {},
          t('readOnly.title', {
            revision: String(ro.revision),
            latest: String(ro.latestRevision),
          }),
        ),
        ' ',
        t('readOnly.explain'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn small primary',
          'data-testid': 'readonly-restore',
          onclick: () => void restoreRevision(store, hooks, saved.id, ro.revision),
        },
        t('readOnly.restore', { revision: String(ro.revision) }),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn small',
          'data-testid': 'readonly-latest',
          onclick: () => void openScenario(store, hooks, saved.id),
        },
        t('readOnly.latest'),
      ),
    );
  };
  render();
  store.subscribe((s, p) => {
    if (changed(s, p, 'readOnly', 'saved')) render();
  });

  // Route files dropped on the map would be imported: refuse them while read-only.
  targets.bannerHost.addEventListener(
    'drop',
    (e) => {
      if (!store.get().readOnly) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      targets.bannerHost.querySelector<HTMLElement>('.drop-zone')?.setAttribute('hidden', '');
      notify(store, 'error', t('readOnly.cannotEdit'));
    },
    true,
  );
}
