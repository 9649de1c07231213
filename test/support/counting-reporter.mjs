// Writes how many browser tests passed and failed, so `npm test` can print one closing line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function countTests(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites) countTests(child, counts);
}

export function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, files: 0 };
      for (const session of sessions) {
        counts.files++;
        if (session.testResults) countTests(session.testResults, counts);
        // A file that failed to load has errors but no test results: count it as a failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) counts.failed++;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}
