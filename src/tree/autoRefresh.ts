/**
 * Auto-refresh of a view: a timer that runs only while the view is visible and the interval is
 * above zero. No vscode import: the view's visibility and the setting are pushed in, and the
 * timer functions can be replaced (tests drive them by hand).
 */
export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export class AutoRefresh {
  private visible = false;
  private seconds = 0;
  private handle: unknown;

  constructor(private readonly refresh: () => void, private readonly timers: Timers = realTimers) {}

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.update();
  }

  /** Seconds between refreshes; 0 (or less, or not a number) turns auto-refresh off. */
  setIntervalSeconds(seconds: number): void {
    this.seconds = Number.isFinite(seconds) && seconds > 0 ? Math.max(5, seconds) : 0;
    this.update();
  }

  get running(): boolean {
    return this.handle !== undefined;
  }

  dispose(): void {
    this.stop();
  }

  private update(): void {
    this.stop();
    if (this.visible && this.seconds > 0) this.handle = this.timers.setInterval(this.refresh, this.seconds * 1000);
  }

  private stop(): void {
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
  }
}
