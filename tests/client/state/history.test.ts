import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redo,
  sealHistory,
  undo,
} from '../../../client/state/history';

describe('undo/redo history', () => {
  it('undoes and redoes edits in order', () => {
    let h = createHistory('a');
    h = pushHistory(h, 'b');
    h = pushHistory(h, 'c');
    expect(h.present).toBe('c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
  });

  it('drops the redo stack on a new edit', () => {
    let h = pushHistory(pushHistory(createHistory(1), 2), 3);
    h = undo(h);
    h = pushHistory(h, 4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it('ignores an edit that returns the same document', () => {
    const doc = { x: 1 };
    const h = createHistory(doc);
    expect(pushHistory(h, doc)).toBe(h);
  });

  it('merges edits with the same coalesce key into one undo step until sealed', () => {
    let h = createHistory(0);
    h = pushHistory(h, 1, 'drag');
    h = pushHistory(h, 2, 'drag');
    h = pushHistory(h, 3, 'drag');
    expect(h.past).toEqual([0]);
    expect(undo(h).present).toBe(0);
    h = sealHistory(h);
    h = pushHistory(h, 4, 'drag');
    expect(h.past).toEqual([0, 3]);
  });

  it('keeps at most the limit of undo steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i++) h = pushHistory(h, i, null, 5);
    expect(h.past).toEqual([5, 6, 7, 8, 9]);
  });

  it('returns to the same document after any sequence of undos and redos of the same count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), fc.nat(40), (values, k) => {
        let h = createHistory<number | string>('start');
        for (const v of values) h = pushHistory(h, v);
        const end = h.present;
        let back = h;
        for (let i = 0; i < k; i++) back = undo(back);
        for (let i = 0; i < k; i++) back = redo(back);
        expect(back.present).toBe(end);
      }),
    );
  });
});
