// Writes how many browser tests passed, failed and were not applicable in each browser, so
// `npm test` can print them and one closing line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// The title mark of test/support/needs.ts.
const NEED = /\[needs ([^\]]+)\]/;

function countTests(suite, counts, inherited, hasPush) {
  const suiteNeed = NEED.exec(suite.name)?.[1] ?? inherited;
  for (const test of suite.tests) {
    const need = NEED.exec(test.name)?.[1] ?? suiteNeed;
    if (!test.skipped) counts[test.passed ? 'passed' : 'failed']++;
    // A browser with push that leaves out a test needing push has lost coverage: a failure.
    else if (need && !(need === 'push' && hasPush)) counts.notApplicable++;
    else {
      counts.failed++;
      counts.skipped.push(test.name);
    }
  }
  for (const child of suite.suites) countTests(child, counts, suiteNeed, hasPush);
}

/** `withoutPush`: the names of the browsers under test that have no Push API. */
export function countingReporter(file, { withoutPush = [], notRun = [] } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const browsers = {};
      for (const session of sessions) {
        const name = session.browser.name;
        const counts = (browsers[name] ??= {
          passed: 0,
          failed: 0,
          notApplicable: 0,
          skipped: [],
          files: 0,
        });
        counts.files++;
        const hasPush = !withoutPush.includes(name);
        if (session.testResults) countTests(session.testResults, counts, undefined, hasPush);
        // A file that failed to load has errors but no test results: count it as a failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) counts.failed++;
      }
      const total = (key) => Object.values(browsers).reduce((sum, c) => sum + c[key], 0);
      const summary = { passed: total('passed'), failed: total('failed'), browsers, notRun };
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(summary, null, 2));
    },
  };
}
