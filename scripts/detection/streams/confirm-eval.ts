/**
 * The streams evaluation with Vigil and Vigil +conf only (a person confirms tickets about labelled
 * storms, person.ts): the comparison of confirmed-incident exclusion in about half the time.
 * Usage: tsx scripts/detection/streams/confirm-eval.ts
 */
import { execSync } from 'node:child_process';
import { evalStreams, vigil, vigilConfirmed } from './run-streams';

console.log(`confirm-eval  ${new Date().toISOString()}  load ${execSync('uptime').toString().trim()}`);
evalStreams({ quick: false, detectors: [vigil, vigilConfirmed] });
