/**
 * Modal dialogs on the native <dialog> element: the browser traps focus, Esc cancels, the page behind is
 * inert, and the heading names the dialog for screen readers. `choose` asks one question with a few
 * answers and resolves with the one picked (null when cancelled).
 */
import { t } from '../i18n/index';
import { h } from '../panels/dom';
import './scenarios.css';

/** What a dialog's message may hold. */
export type Child = Node | string | null | undefined | false;

let dialogSeq = 0;

export interface DialogHandle {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  footer: HTMLElement;
  close(): void;
}

export interface DialogOptions {
  title: string;
  testId: string;
  /** Extra class on the <dialog> (`wide`, `full`). */
  className?: string;
  /** Called once when the dialog closes, however it closes. */
  onClose?: () => void;
  /** Show the × button in the header (default true). */
  closeButton?: boolean;
}

/** Opens a modal dialog; fill `body` and `footer`. The element is removed from the page when it closes. */
export function openDialog(o: DialogOptions): DialogHandle {
  const id = `ap-dialog-${++dialogSeq}`;
  const body = h('div', { class: 'ap-dialog-body' });
  const footer = h('div', { class: 'ap-dialog-footer' });
  const dialog = h('dialog', {
    class: `ap-dialog ${o.className ?? ''}`.trim(),
    'aria-labelledby': `${id}-title`,
    'data-testid': o.testId,
  });
  const close = () => {
    if (dialog.open) dialog.close();
  };
  dialog.append(
    h(
      'header',
      { class: 'ap-dialog-head' },
      h('h2', { id: `${id}-title` }, o.title),
      o.closeButton === false
        ? null
        : h(
            'button',
            {
              type: 'button',
              class: 'icon-btn',
              'aria-label': t('common.close'),
              title: t('common.close'),
              onclick: close,
            },
            '×',
          ),
    ),
    body,
    footer,
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    o.onClose?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, body, footer, close };
}

export interface Choice<T> {
  label: string;
  value: T;
  kind?: 'primary' | 'danger' | 'plain';
  testId?: string;
  /** Extra line under the button's label, explaining what it does. */
  hint?: string;
}

/**
 * Asks a question: resolves with the value of the button pressed, or null on Esc / ×. The first
 * `primary` choice gets the focus.
 */
export function choose<T>(o: {
  title: string;
  message: Child | Child[];
  choices: Choice<T>[];
  testId: string;
  className?: string;
}): Promise<T | null> {
  return new Promise((resolve) => {
    let answer: T | null = null;
    const d = openDialog({
      title: o.title,
      testId: o.testId,
      className: o.className,
      onClose: () => resolve(answer),
    });
    const message = Array.isArray(o.message) ? o.message : [o.message];
    d.body.append(...message.filter((m): m is Node | string => !!m));
    const buttons = o.choices.map((c) =>
      h(
        'button',
        {
          type: 'button',
          class:
            `btn ${c.kind === 'primary' ? 'primary' : c.kind === 'danger' ? 'danger' : ''} ${c.hint ? 'with-hint' : ''}`.trim(),
          'data-testid': c.testId,
          onclick: () => {
            answer = c.value;
            d.close();
          },
        },
        h('span', { class: 'btn-label' }, c.label),
        c.hint ? h('span', { class: 'btn-hint' }, c.hint) : null,
      ),
    );
    d.footer.append(...buttons);
    const first = buttons[o.choices.findIndex((c) => c.kind === 'primary')] ?? buttons[0];
    first?.focus();
  });
}

/** Asks for a line of text (a name). Resolves with the trimmed text, or null when cancelled or empty. */
export function askText(o: {
  title: string;
  label: string;
  value: string;
  okLabel: string;
  testId: string;
}): Promise<string | null> {
  return new Promise((resolve) => {
    let answer: string | null = null;
    const d = openDialog({ title: o.title, testId: o.testId, onClose: () => resolve(answer) });
    const inputId = `${o.testId}-input`;
    const input = h('input', {
      type: 'text',
      id: inputId,
      value: o.value,
      'data-testid': inputId,
      maxlength: 200,
    });
    const form = h(
      'form',
      {
        method: 'dialog',
        class: 'ap-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const v = input.value.trim();
          if (!v) return;
          answer = v;
          d.close();
        },
      },
      h('label', { for: inputId, class: 'field-label' }, o.label),
      input,
      h(
        'div',
        { class: 'ap-dialog-footer inline' },
        h('button', { type: 'button', class: 'btn', onclick: () => d.close() }, t('common.cancel')),
        h('button', { type: 'submit', class: 'btn primary', 'data-testid': `${o.testId}-ok` }, o.okLabel),
      ),
    );
    d.body.append(form);
    d.footer.remove();
    input.focus();
    input.select();
  });
}
