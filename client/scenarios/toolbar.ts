/**
 * The top bar's tools: the scenario manager, the open scenario's revision history, comparison, exports
 * and the language. Every control is a real button or select with a visible or accessible label.
 */
import { locale, locales, t, type LocaleId } from '../i18n/index';
import { h } from '../panels/dom';
import { changed } from '../state/store';
import { icon, type IconName } from './icons';
import type { WorkspaceStore } from '../state/workspace';

export interface ToolbarActions {
  scenarios(): void;
  history(): void;
  compare(): void;
  exports(): void;
  language(id: LocaleId): void;
}

export function mountToolbar(host: HTMLElement, store: WorkspaceStore, actions: ToolbarActions): void {
  const button = (label: string, testId: string, onclick: () => void, name: IconName) =>
    h(
      'button',
      { type: 'button', class: 'top-btn', 'data-testid': testId, 'aria-label': label, title: label, onclick },
      icon(name),
      h('span', { class: 'top-btn-label', 'aria-hidden': 'true' }, label),
    );
  const history = button(t('toolbar.history'), 'open-history', actions.history, 'history');
  const select = h(
    'select',
    {
      id: 'ap-locale',
      class: 'top-select',
      'data-testid': 'locale-select',
      onchange: (e: Event) => actions.language((e.target as HTMLSelectElement).value as LocaleId),
    },
    ...Object.values(locales).map((l) =>
      h('option', { value: l.id, lang: l.lang, selected: l.id === locale().id }, l.nativeName),
    ),
  );
  host.append(
    h(
      'div',
      { class: 'top-tools', role: 'toolbar', 'aria-label': t('toolbar.label') },
      button(t('toolbar.scenarios'), 'open-scenarios', actions.scenarios, 'list'),
      history,
      button(t('toolbar.compare'), 'open-compare', actions.compare, 'compare'),
      button(t('toolbar.export'), 'open-export', actions.exports, 'export'),
      h(
        'label',
        { class: 'top-lang', for: 'ap-locale' },
        icon('globe'),
        h('span', { class: 'sr-only' }, t('toolbar.language')),
        select,
      ),
    ),
  );
  const render = () => {
    history.disabled = store.get().saved === null;
    history.title = history.disabled ? t('toolbar.historyUnsaved') : t('toolbar.history');
  };
  render();
  store.subscribe((s, p) => {
    if (changed(s, p, 'saved')) render();
  });
}
