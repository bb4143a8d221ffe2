'use client';
import { useEffect, useState } from 'react';

const KEY = 'fgc.marginWidth';
export const MARGIN_WIDTH = { min: 120, max: 480, initial: 240 } as const;

/** The width of the margin of codes, as the user last set it (kept in this browser). */
export function useMarginWidth(): [number, (px: number) => void] {
  const [width, setWidth] = useState<number>(MARGIN_WIDTH.initial);
  useEffect(() => {
    const saved = Number(window.localStorage.getItem(KEY));
    if (saved >= MARGIN_WIDTH.min && saved <= MARGIN_WIDTH.max) setWidth(saved);
  }, []);
  const set = (px: number) => {
    const clamped = Math.min(MARGIN_WIDTH.max, Math.max(MARGIN_WIDTH.min, Math.round(px)));
    setWidth(clamped);
    window.localStorage.setItem(KEY, String(clamped));
  };
  return [width, set];
}
