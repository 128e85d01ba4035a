// Mocha reporter used by every tier: mocha's "spec" output, then one closing line
// "N passed, N failed" (", N skipped" when some were pending) that CI and runAll read.
import Mocha from 'mocha';

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class ClosingLineReporter extends Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats;
      if (!stats) return;
      const skipped = stats.pending > 0 ? `, ${stats.pending} skipped` : '';
      console.log(`${stats.passes} passed, ${stats.failures} failed${skipped}`);
    });
  }
}

export = ClosingLineReporter;
