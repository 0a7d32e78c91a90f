import { describe, expect, it } from 'vitest';
import { Freshness } from '@/server/page-cache/freshness';

const T = 1_000_000;

describe('Freshness', () => {
  it('trusts nothing rendered before it existed', () => {
    const freshness = new Freshness(T);
    expect(freshness.isFresh(T - 1, T)).toBe(false);
    expect(freshness.isFresh(T, T)).toBe(false);
    expect(freshness.isFresh(T + 1, T + 5)).toBe(true);
  });

  it('a change heard after a render makes it stale; renders after it are fresh', () => {
    const freshness = new Freshness(T);
    freshness.markChanged(T + 100);
    expect(freshness.isFresh(T + 50, T + 200)).toBe(false);
    expect(freshness.isFresh(T + 101, T + 200)).toBe(true);
    // A late message never moves the mark back.
    freshness.markChanged(T + 10);
    expect(freshness.isFresh(T + 50, T + 200)).toBe(false);
  });

  it('a publish time passing makes earlier renders stale with no change heard', () => {
    const freshness = new Freshness(T);
    freshness.setPublishTimes([T + 1000, T + 5000]);
    const renderedAt = T + 10;
    expect(freshness.isFresh(renderedAt, T + 999)).toBe(true);
    expect(freshness.isFresh(renderedAt, T + 1000)).toBe(false);
    // Rendered at or after the publish time: it already shows what became public.
    expect(freshness.isFresh(T + 1000, T + 1200)).toBe(true);
    expect(freshness.isFresh(T + 1200, T + 4999)).toBe(true);
    expect(freshness.isFresh(T + 1200, T + 5000)).toBe(false);
  });

  it('publish times read again replace the old ones, past ones harmlessly', () => {
    const freshness = new Freshness(T);
    freshness.setPublishTimes([T + 1000]);
    freshness.setPublishTimes([T - 60_000, T + 3000, T + 3000]);
    expect(freshness.isFresh(T + 10, T + 2000)).toBe(true);
    expect(freshness.isFresh(T + 10, T + 3000)).toBe(false);
  });

  it('during an outage only a change heard before it disqualifies a render', () => {
    const freshness = new Freshness(T);
    freshness.setPublishTimes([T + 1000]);
    freshness.markChanged(T + 100);
    expect(freshness.isUsableDuringOutage(T + 50)).toBe(false);
    expect(freshness.isUsableDuringOutage(T + 500)).toBe(true);
    expect(freshness.isFresh(T + 500, T + 2000)).toBe(false);
  });

  it('starts disconnected until the change feed listens', () => {
    const freshness = new Freshness(T);
    expect(freshness.isConnected).toBe(false);
    freshness.setConnected(true);
    expect(freshness.isConnected).toBe(true);
  });
});
