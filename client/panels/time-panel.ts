/**
 * The time slider: one position per step over the horizon, play/pause at a chosen speed (hours per
 * second), the local date and time and the Safar day. Scrubbing only changes `step`; the map sets
 * feature states for it in the same frame. Playback advances on requestAnimationFrame.
 */
import { formatNumber, t } from '../i18n/index';
import { changed } from '../state/store';
import { currentDoc, setStep, type WorkspaceStore } from '../state/workspace';
import { h } from './dom';
import { formatLocalDateTime, safarLabel, stepMinutes, utcOffsetLabel } from './time-format';

const SPEEDS = [1, 2, 4, 8, 16, 24, 48];

export function mountTimePanel(root: HTMLElement, store: WorkspaceStore): void {
  const slider = h('input', {
    type: 'range',
    min: 0,
    max: 0,
    step: 1,
    value: 0,
    class: 'time-slider',
    'data-testid': 'time-slider',
    'aria-label': t('time.heading'),
    oninput: (e: Event) => setStep(store, Number((e.target as HTMLInputElement).value)),
  });
  const play = h('button', {
    class: 'btn play',
    'data-testid': 'play',
    onclick: () => store.set({ playing: !store.get().playing }),
  });
  const prev = h(
    'button',
    {
      class: 'icon-btn',
      title: t('time.prev'),
      'aria-label': t('time.prev'),
      onclick: () => setStep(store, store.get().step - 1),
    },
    '‹',
  );
  const next = h(
    'button',
    {
      class: 'icon-btn',
      title: t('time.next'),
      'aria-label': t('time.next'),
      onclick: () => setStep(store, store.get().step + 1),
    },
    '›',
  );
  const speed = h(
    'select',
    {
      'aria-label': t('time.speed'),
      title: t('time.speed'),
      onchange: (e: Event) => store.set({ stepsPerSecond: Number((e.target as HTMLSelectElement).value) }),
    },
    ...SPEEDS.map((n) =>
      h(
        'option',
        { value: n, selected: n === store.get().stepsPerSecond },
        t('time.speedValue', { n: String(n) }),
      ),
    ),
  );
  const when = h('span', { class: 'time-when', 'data-testid': 'time-label' });
  const safar = h('span', { class: 'time-safar', 'data-testid': 'safar-label' });
  const zone = h('span', { class: 'time-zone' });
  const stepText = h('span', { class: 'time-step' });
  const busy = h('span', { class: 'time-busy', hidden: true }, t('time.computing'));
  root.append(
    h(
      'div',
      { class: 'time-controls' },
      prev,
      play,
      next,
      speed,
      slider,
      h(
        'div',
        { class: 'time-readout' },
        when,
        safar,
        h('span', { class: 'time-meta' }, zone, ' · ', stepText),
        busy,
      ),
    ),
  );

  const renderStep = () => {
    const state = store.get();
    const grid = state.timeModel?.grid;
    if (!grid) {
      when.textContent = '—';
      safar.textContent = '';
      stepText.textContent = '';
      return;
    }
    slider.max = String(grid.stepCount - 1);
    slider.value = String(state.step);
    const minutes = stepMinutes(grid, state.step);
    when.textContent = formatLocalDateTime(minutes);
    safar.textContent = safarLabel(minutes, currentDoc(state).arbaeenDay);
    zone.textContent = t('time.local', { offset: utcOffsetLabel(grid.utcOffsetMinutes) });
    stepText.textContent = t('time.step', {
      step: formatNumber(state.step + 1),
      count: formatNumber(grid.stepCount),
    });
  };
  const renderPlay = () => {
    const { playing } = store.get();
    play.textContent = playing ? `❚❚ ${t('time.pause')}` : `▶ ${t('time.play')}`;
    play.setAttribute('aria-pressed', playing ? 'true' : 'false');
  };

  let frame = 0;
  let last = 0;
  let carry = 0;
  const tick = (now: number) => {
    const state = store.get();
    if (!state.playing || !state.timeModel) {
      frame = 0;
      return;
    }
    const dt = last ? (now - last) / 1000 : 0;
    last = now;
    carry += dt * state.stepsPerSecond;
    const whole = Math.floor(carry);
    if (whole > 0) {
      carry -= whole;
      const count = state.timeModel.grid.stepCount;
      const target = state.step + whole;
      if (target >= count - 1) {
        setStep(store, count - 1);
        store.set({ playing: false });
        frame = 0;
        return;
      }
      setStep(store, target);
    }
    frame = requestAnimationFrame(tick);
  };
  const startStop = () => {
    const state = store.get();
    if (state.playing && !frame) {
      const count = state.timeModel?.grid.stepCount ?? 0;
      if (state.step >= count - 1) setStep(store, 0);
      last = 0;
      carry = 0;
      frame = requestAnimationFrame(tick);
    } else if (!state.playing && frame) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  };

  renderStep();
  renderPlay();
  store.subscribe((s, p) => {
    if (changed(s, p, 'step', 'timeModel')) renderStep();
    if (changed(s, p, 'playing')) {
      renderPlay();
      startStop();
    }
    if (changed(s, p, 'timeModelBusy')) busy.hidden = !s.timeModelBusy;
    if (changed(s, p, 'stepsPerSecond')) speed.value = String(s.stepsPerSecond);
  });
}
