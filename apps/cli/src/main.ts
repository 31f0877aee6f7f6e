#!/usr/bin/env node
import { run } from "./run.js"
import { runScripted } from "./scripted.js"

const argv = process.argv.slice(2)
const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }
// The bundle's command scripts (with their code cache) first; any other command through the dispatch, as a chunk
// of its own.
process.exitCode = (await runScripted(argv, io)) ?? (await run(argv, io))
