#!/usr/bin/env node
// The `medguide` and `medguide-cli` commands. A tracked launcher rather than dist/cli.js itself, so
// that npm links the workspace's commands on a fresh clone, before `prepare` has built dist/.
'use strict';
require('../dist/cli.js').start();
