import * as assert from 'node:assert/strict';
import { AutoRefresh, type Timers } from '../../../src/tree/autoRefresh';

/** Timers driven by the test: `tick()` fires every active interval once. */
function manualTimers() {
  const active = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setInterval: (callback, ms) => {
      active.set(next, { callback, ms });
      return next++;
    },
    clearInterval: (handle) => {
      active.delete(handle as number);
    },
  };
  return { timers, active, tick: () => [...active.values()].forEach((t) => t.callback()) };
}

describe('AutoRefresh', () => {
  it('does nothing while the view is hidden, even with an interval', () => {
    const clock = manualTimers();
    let refreshed = 0;
    const auto = new AutoRefresh(() => refreshed++, clock.timers);
    auto.setIntervalSeconds(30);
    clock.tick();
    assert.equal(refreshed, 0);
    assert.equal(clock.active.size, 0);
  });

  it('refreshes on the interval while visible, and stops when hidden', () => {
    const clock = manualTimers();
    let refreshed = 0;
    const auto = new AutoRefresh(() => refreshed++, clock.timers);
    auto.setIntervalSeconds(30);
    auto.setVisible(true);
    assert.deepEqual([...clock.active.values()].map((t) => t.ms), [30_000]);
    clock.tick();
    clock.tick();
    assert.equal(refreshed, 2);
    auto.setVisible(false);
    assert.equal(clock.active.size, 0);
    clock.tick();
    assert.equal(refreshed, 2);
  });

  it('is off at 0 (the default) and keeps one timer when the interval changes', () => {
    const clock = manualTimers();
    const auto = new AutoRefresh(() => undefined, clock.timers);
    auto.setVisible(true);
    assert.equal(auto.running, false);
    auto.setIntervalSeconds(10);
    auto.setIntervalSeconds(60);
    assert.deepEqual([...clock.active.values()].map((t) => t.ms), [60_000]);
    auto.setIntervalSeconds(0);
    assert.equal(auto.running, false);
  });

  it('never refreshes more often than every 5 seconds, and stops on dispose', () => {
    const clock = manualTimers();
    const auto = new AutoRefresh(() => undefined, clock.timers);
    auto.setVisible(true);
    auto.setIntervalSeconds(1);
    assert.deepEqual([...clock.active.values()].map((t) => t.ms), [5_000]);
    auto.dispose();
    assert.equal(clock.active.size, 0);
  });
});
