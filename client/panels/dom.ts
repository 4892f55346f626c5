/**
 * A few lines of DOM building instead of a UI framework: panels are small forms and lists that
 * re-render their own subtree when their slice of the state changes. Text goes in as text nodes
 * (never as HTML), so names from imported files cannot inject markup.
 */
import type { FieldError, FieldRule } from '../../shared/index';
import { formatNumber, t, type MessageKey } from '../i18n/index';
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element: `h('button', { class: 'primary', onclick: fn }, 'Plan')`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value as EventListener);
    } else if (key === 'value' && 'value' in el) {
      (el as HTMLInputElement).value = String(value);
    } else if (key === 'checked' && 'checked' in el) {
      (el as HTMLInputElement).checked = Boolean(value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** SVG element helper (for the small editable charts). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

let reusable: Map<string, HTMLElement> | null = null;

/**
 * Re-renders `container` with `build`, keeping the focused form control (matched by `data-key`) as the
 * very same DOM node, so typing in a field that triggers a re-render keeps focus, caret and the raw text
 * ("4." stays "4." instead of becoming "4").
 */
export function rerender(container: Element, build: () => Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  reusable = key && active ? new Map([[key, active]]) : null;
  let children: Child[];
  try {
    children = build();
  } finally {
    reusable = null;
  }
  container.replaceChildren();
  append(container, children);
  if (key && active && container.contains(active) && document.activeElement !== active) active.focus();
}

/** The node kept by `rerender` for `key`, if any. */
function reuse<T extends HTMLElement>(key: string | undefined): T | null {
  if (!key || !reusable) return null;
  const node = reusable.get(key);
  return (node as T | undefined) ?? null;
}

/**
 * A labelled number input with a unit; calls `onInput` with valid numbers while typing (and with
 * `undefined` when an `optional` field is emptied). Text that is no number (empty in a required field,
 * "e", 1e400) is marked invalid while typing and, when the field is left, replaced by the last number it
 * held, so the field never shows something other than the value in force.
 */
export function numberField(o: {
  label: string;
  value: number | undefined;
  key: string;
  unit?: string;
  min?: number;
  max?: number;
  step?: number;
  /** Empty is a value (clears the field); otherwise empty text is invalid. */
  optional?: boolean;
  onInput: (value: number | undefined) => void;
  onCommit?: () => void;
}): HTMLLabelElement {
  let lastText = o.value === undefined ? '' : String(o.value);
  const input =
    reuse<HTMLInputElement>(o.key) ??
    h('input', {
      type: 'number',
      value: lastText,
      min: o.min,
      max: o.max,
      step: o.step ?? 'any',
      'data-key': o.key,
      'data-testid': o.key,
      'aria-label': o.label,
      oninput: (e: Event) => {
        const el = e.target as HTMLInputElement;
        // A half-typed number ("1e") reads as '' with badInput set: invalid, not empty.
        const text = el.value.trim();
        const v = Number(text);
        const valid = !el.validity.badInput && (text === '' ? o.optional === true : Number.isFinite(v));
        if (!valid) return el.setAttribute('aria-invalid', 'true');
        el.removeAttribute('aria-invalid');
        lastText = text;
        o.onInput(text === '' ? undefined : v);
      },
      onchange: (e: Event) => {
        const el = e.target as HTMLInputElement;
        if (el.hasAttribute('aria-invalid')) {
          el.value = lastText;
          el.removeAttribute('aria-invalid');
        }
        o.onCommit?.();
      },
    });
  return h(
    'label',
    { class: 'field' },
    h('span', { class: 'field-label' }, o.label),
    h('span', { class: 'field-input' }, input, o.unit ? h('span', { class: 'unit' }, o.unit) : null),
  );
}

/** A labelled text input. */
export function textField(o: {
  label: string;
  value: string;
  key: string;
  onInput: (value: string) => void;
  onCommit?: () => void;
}): HTMLLabelElement {
  const input =
    reuse<HTMLInputElement>(o.key) ??
    h('input', {
      type: 'text',
      value: o.value,
      'data-key': o.key,
      'data-testid': o.key,
      'aria-label': o.label,
      oninput: (e: Event) => o.onInput((e.target as HTMLInputElement).value),
      onchange: () => o.onCommit?.(),
    });
  return h(
    'label',
    { class: 'field' },
    h('span', { class: 'field-label' }, o.label),
    h('span', { class: 'field-input' }, input),
  );
}

/** The validation errors at exactly `path` (e.g. `demand.phoneShare`), as a list under the field. */
export function errorsAt(errors: readonly FieldError[], path: string): HTMLElement | null {
  const own = errors.filter((e) => e.path === path);
  return own.length
    ? h('ul', { class: 'field-errors' }, ...own.map((e) => h('li', {}, fieldErrorText(e))))
    : null;
}

/** Fields stored as a share and shown as a percentage. */
const SHARE_FIELD = /^demand\.(phoneShare|operatorShare|uplinkShare)$|^siteTypes\[\d+\]\.maxUtilization$/;

/**
 * A field error in the app's language: a broken bound or type in the app's words, with the bound in the
 * field's unit (a share shown as a percentage: "at most 100 %", not "<=1"); any other reason as given.
 */
export function fieldErrorText(e: FieldError): string {
  const rule = e.rule;
  if (!rule) return e.message;
  if (!('limit' in rule)) return t(RULE_TEXT[rule.kind]);
  const limit = SHARE_FIELD.test(e.path)
    ? t('units.percent', { v: formatNumber(percent(rule.limit), 2) })
    : formatNumber(rule.limit, 6);
  return t(RULE_TEXT[rule.kind], { limit });
}

const RULE_TEXT: Record<FieldRule['kind'], MessageKey> = {
  atMost: 'fieldRule.atMost',
  below: 'fieldRule.below',
  atLeast: 'fieldRule.atLeast',
  above: 'fieldRule.above',
  number: 'fieldRule.number',
  wholeNumber: 'fieldRule.wholeNumber',
  required: 'fieldRule.required',
};

/** A share shown as a percentage (0.45 → 45), rounded so no binary noise reaches the field. */
export const percent = (value: number) => Math.round(value * 1e6) / 1e4;

/** A percentage typed in a field stored as a share (45 → 0.45, not 0.45000000000000001). */
export const share = (percentage: number) => Math.round(percentage * 1e4) / 1e6;
