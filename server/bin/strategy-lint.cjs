#!/usr/bin/env node
// The bundled CLI (built by `npm run build`: esbuild → server/out/cli.js).
require('../out/cli.js');
