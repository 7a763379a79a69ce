// mocha's spec reporter, plus a JSON file with the counts (path in MEDGUIDE_RESULTS_FILE) so
// scripts/test.mjs can add up every suite into one closing line.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.MEDGUIDE_RESULTS_FILE;
    runner.once('end', () => {
      if (!file) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const { passes, failures, pending } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending }));
    });
  }
}

module.exports = CountingReporter;
