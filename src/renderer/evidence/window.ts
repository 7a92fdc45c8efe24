// Windowing for long lists of fixed-height rows (XML lines, fields, prestaties): only the rows in
// view (plus a margin) are in the DOM, so a message of several MB stays fast.
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** first row rendered (0-based) */
  start: number;
  /** one past the last row rendered */
  end: number;
}

/** The rows to render for a scroll position. */
export function windowRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 20): RowWindow {
  if (count <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, count - 1) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(end, start + 1) };
}

/** The scrollTop that puts a row about a third down the viewport. */
export function scrollTopFor(row: number, viewport: number, rowHeight: number): number {
  return Math.max(0, row * rowHeight - Math.floor(viewport / 3));
}

/**
 * The window of a scroll container; `offset` is the height of anything above the rows inside the
 * container (a sticky table head). Re-renders on scroll and resize.
 */
export function useRowWindow(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, offset = 0): RowWindow {
  const [w, setW] = useState<RowWindow>(() => windowRange(0, 800, rowHeight, count));
  const update = useCallback(() => {
    const el = ref.current;
    const next = windowRange((el?.scrollTop ?? 0) - offset, el?.clientHeight || 800, rowHeight, count);
    setW((prev) => (prev.start === next.start && prev.end === next.end ? prev : next));
  }, [ref, count, rowHeight, offset]);
  useLayoutEffect(update, [update]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.addEventListener('scroll', update, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    ro?.observe(el);
    return () => { el.removeEventListener('scroll', update); ro?.disconnect(); };
  }, [ref, update]);
  return w;
}
