// `node --require out/test/support/strayConnectionsHook.js ...`: installs the stray-connection
// guard (strayConnections.ts) in a child process such as the CLI, and appends each refused
// connection as one JSON line to the file named by ECS_STUDIO_STRAY_LOG (written at once, so
// the record survives however the process ends).
import * as fs from 'node:fs';
import { guardConnections } from './strayConnections';

const logFile = process.env.ECS_STUDIO_STRAY_LOG;
const guard = guardConnections();
if (logFile) guard.onAttempt((attempt) => fs.appendFileSync(logFile, `${JSON.stringify(attempt)}\n`));
