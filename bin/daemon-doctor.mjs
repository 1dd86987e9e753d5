#!/usr/bin/env -S node --max-semi-space-size=8
// The `daemon-doctor` command: runs the built CLI without looking at the sources, so it starts at once.
// A young generation of at most 8 MB per semi-space: reading a large log allocates fast, and V8 would
// otherwise grow it to 3 × 16 MB, a fifth of the command's memory, for no measurable speed.
// Only a clone that was never built is built here; `npm start`, `npm run demo` and `npm run web` rebuild
// when the sources changed, and `npm run build` does it by hand.
import { existsSync } from 'node:fs'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(cli)) (await import('../scripts/ensure-built.mjs')).ensureBuilt()
await import(cli.href)
