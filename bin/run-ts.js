#!/usr/bin/env node
import { resolve } from 'node:path';
// Runs a TypeScript script (benchmarks, tools) through the tsx loader: node bin/run-ts.js FILE [ARGS]
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [file, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(resolve(file)).href);
