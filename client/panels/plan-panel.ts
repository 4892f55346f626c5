/** The Plan button with its progress bar (fed by the job's event stream) and the plan's status line. */
import { formatNumber, t } from '../i18n/index';
import { changed } from '../state/store';
import { isPlanStale, type WorkspaceStore } from '../state/workspace';
import { h, replaceChildren } from './dom';

export function mountPlanPanel(root: HTMLElement, store: WorkspaceStore, run: () => void): void {
  const button = h(
    'button',
    { class: 'btn primary wide', 'data-testid': 'plan', onclick: () => run() },
    t('plan.run'),
  );
  const bar = h('div', { class: 'progress-fill' });
  const progress = h(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'data-testid': 'plan-progress',
      hidden: true,
    },
    bar,
  );
  const status = h('div', { class: 'plan-status', 'data-testid': 'plan-status', 'aria-live': 'polite' });
  root.append(h('div', { class: 'section-head' }, h('h2', {}, t('plan.heading'))), button, progress, status);

  const render = () => {
    const state = store.get();
    const s = state.planStatus;
    const running = s.kind === 'running';
    button.disabled = running || state.errors.length > 0;
    button.title = state.errors.length > 0 ? t('plan.invalid') : '';
    progress.hidden = !running;
    if (running) {
      const pct = Math.round(Math.max(0, Math.min(1, s.progress)) * 100);
      bar.style.width = `${pct}%`;
      progress.setAttribute('aria-valuenow', String(pct));
      replaceChildren(
        status,
        t('plan.running', { percent: `${pct} %` }),
        h('br', {}),
        h('span', { class: 'muted' }, t('plan.stage', { stage: s.stage })),
      );
    } else if (s.kind === 'error') {
      replaceChildren(status, h('span', { class: 'error-text' }, t('plan.failed', { reason: s.message })));
    } else if (s.kind === 'done') {
      replaceChildren(
        status,
        t('plan.done', { ms: formatNumber(s.ms) }),
        isPlanStale(state) ? h('div', { class: 'warn-text' }, t('plan.stale')) : null,
      );
    } else {
      replaceChildren(
        status,
        h('span', { class: 'muted' }, state.errors.length > 0 ? t('plan.invalid') : t('plan.none')),
      );
    }
  };
  render();
  store.subscribe((s, p) => {
    if (changed(s, p, 'planStatus', 'errors', 'plan') || s.history.present !== p.history.present) render();
  });
}
