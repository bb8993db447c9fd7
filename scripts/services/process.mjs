// Starting, watching and stopping the servers' processes by pid file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { homeDir, log, ServiceError } from './env.mjs';

export function pidFile(name) {
  return path.join(homeDir, 'run', `${name}.pid`);
}

export function readPid(name) {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

export function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.setTimeout(1000, () => {
      s.destroy();
      resolve(false);
    });
  });
}

function tail(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log yet)';
  }
}

export async function waitFor(what, check, timeoutMs, logFile, pid) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (pid && !alive(pid)) {
      throw new ServiceError(`${what} exited while starting. Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new ServiceError(`${what} did not become healthy within ${Math.round(timeoutMs / 1000)} s. Last lines of ${logFile}:\n${tail(logFile)}`);
}

export function startDetached(name, cmd, args, env, logFile) {
  fs.mkdirSync(path.dirname(pidFile(name)), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  fs.closeSync(out);
  fs.writeFileSync(pidFile(name), String(child.pid));
  child.unref();
  return child.pid;
}

export async function stopPid(name, graceMs = 30_000) {
  const pid = readPid(name);
  if (!pid || !alive(pid)) {
    fs.rmSync(pidFile(name), { force: true });
    return false;
  }
  // Detached children lead their own process group: signal the group so the JVMs
  // that launcher scripts fork stop too.
  const signalGroup = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && alive(pid)) await new Promise((r) => setTimeout(r, 250));
  if (alive(pid)) {
    log(`${name} did not stop within ${graceMs / 1000} s; killing it`);
    signalGroup('SIGKILL');
  }
  fs.rmSync(pidFile(name), { force: true });
  return true;
}

/** True (and says so) when the named server already runs from an earlier start. */
export function alreadyRunning(name, label, url) {
  const pid = readPid(name);
  if (!(pid && alive(pid))) return false;
  log(`${label} already running (pid ${pid}) on ${url}`);
  return true;
}

/** Refuses to start on ports another process holds, naming the settings that move them. */
export async function ensurePortsFree(list, hint) {
  for (const p of list) {
    if (await portOpen(p)) throw new ServiceError(`port ${p} on 127.0.0.1 is taken by another process: stop it, or ${hint}.`);
  }
}
