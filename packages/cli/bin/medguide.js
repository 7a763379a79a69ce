#!/usr/bin/env node
// The `medguide` and `medguide-cli` commands. A tracked launcher rather than dist/cli.js itself, so
// that npm links the workspace's commands on a fresh clone, before `prepare` has built dist/.
'use strict';
// Node 22.1 and later keep V8's compiled code of the command line between runs, in the system's
// temporary folder (NODE_DISABLE_COMPILE_CACHE=1 turns it off): `medguide check` on the 2,000-page
// bench site 0.55 -> 0.51 s under Node 24. Node 20 has no such cache and runs as before.
require('node:module').enableCompileCache?.();
require('../dist/cli.js').start();
