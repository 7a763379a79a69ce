// The extension host's log of an integration run (code-server writes it under the user data folder
// that scripts/vscode-exec.mjs names in MEDGUIDE_TEST_USER_DATA_DIR), as entries: a dated line and
// the stack lines under it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function extensionHostLogEntries(): string[] {
  const userData = process.env.MEDGUIDE_TEST_USER_DATA_DIR;
  assert.ok(userData, 'the test runner (scripts/vscode-exec.mjs) names the user data folder');
  const logs: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost\.log$/i.test(e.name)) logs.push(p);
    }
  };
  walk(path.join(userData, 'logs'));
  assert.ok(logs.length > 0, `an extension host log under ${userData}/logs`);
  return logs.flatMap((f) => fs.readFileSync(f, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d[ T])/));
}
