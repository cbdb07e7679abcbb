// Ends a test run with one plain line, `tests: N passed, N failed, N skipped`, after the default
// reporter's output, so CI logs and tools that read closing lines get the counts without parsing
// progress bars. A test file that failed to load counts as one failure.
function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function summaryReporter() {
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (session.errors.length > 0 && !session.testResults) totals.failed++;
      }
      // The default reporter redraws its own summary after `stop`; print ours as the very last line.
      process.once('exit', () => {
        process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
      });
    },
  };
}
