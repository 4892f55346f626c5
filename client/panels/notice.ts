/** The notice bar over the map: errors stay until dismissed, information fades after a few seconds. */
import { t } from '../i18n/index';
import type { Notice, WorkspaceStore } from '../state/workspace';
import { h, replaceChildren } from './dom';

export function mountNotice(root: HTMLElement, store: WorkspaceStore): void {
  const box = h('div', {
    class: 'notice',
    role: 'status',
    'aria-live': 'polite',
    hidden: true,
    'data-testid': 'notice',
  });
  root.append(box);
  let timer = 0;
  const render = (n: Notice | null) => {
    window.clearTimeout(timer);
    box.hidden = !n;
    if (!n) return;
    box.className = `notice ${n.kind}`;
    box.dataset.kind = n.kind;
    replaceChildren(
      box,
      h('span', { class: 'notice-text' }, n.text),
      h(
        'button',
        {
          class: 'icon-btn',
          'aria-label': t('common.dismiss'),
          title: t('common.dismiss'),
          onclick: () => store.set({ notice: null }),
        },
        '×',
      ),
    );
    if (n.kind === 'info') timer = window.setTimeout(() => store.set({ notice: null }), 5000);
  };
  render(store.get().notice);
  store.subscribe((s, p) => {
    if (s.notice !== p.notice) render(s.notice);
  });
}
