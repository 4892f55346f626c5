/** The list of field-path errors of the document under edit; a click selects the route concerned. */
import { t } from '../i18n/index';
import { routeIndexOfPath } from '../state/validation';
import { currentDoc, type WorkspaceStore } from '../state/workspace';
import { fieldErrorText, h, replaceChildren } from './dom';

export function mountValidationPanel(
  root: HTMLElement,
  store: WorkspaceStore,
  selectRoute: (id: string) => void,
): void {
  const box = h('div', { class: 'validation', 'data-testid': 'validation', role: 'alert', hidden: true });
  root.append(box);
  const render = () => {
    const state = store.get();
    const errors = state.errors;
    box.hidden = errors.length === 0;
    if (errors.length === 0) {
      box.replaceChildren();
      return;
    }
    const doc = currentDoc(state);
    replaceChildren(
      box,
      h(
        'div',
        { class: 'validation-head' },
        h('strong', {}, t('validation.heading')),
        ' ',
        t('validation.count', { count: errors.length }),
      ),
      h(
        'ul',
        {},
        ...errors.slice(0, 30).map((e) => {
          const ri = routeIndexOfPath(e.path);
          const route = ri !== null ? doc.routes[ri] : undefined;
          return h(
            'li',
            {},
            h(
              'button',
              { class: 'link', disabled: !route, onclick: () => route && selectRoute(route.id) },
              h('code', {}, e.path || t('validation.root')),
            ),
            ': ',
            fieldErrorText(e),
          );
        }),
      ),
    );
  };
  render();
  store.subscribe((s, p) => {
    if (s.errors !== p.errors) render();
  });
}
