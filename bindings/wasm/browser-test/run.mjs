// Serves the installed package and a test page on loopback, loads the page in headless
// Chromium, and checks what the page reports. Usage: node run.mjs <installed package dir>
import { createServer } from "node:http";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join, normalize, extname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const pkg = process.argv[2];
const here = fileURLToPath(new URL(".", import.meta.url));
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  const file = path.startsWith("/pkg/") ? join(pkg, path.slice(5)) : join(here, path === "/" ? "index.html" : path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/index.html`;

const profile = await mkdtemp(join(tmpdir(), "ticketshare-chromium-"));
const browser = process.env.CHROMIUM ?? "/usr/bin/chromium";
const args = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  `--user-data-dir=${profile}`, "--virtual-time-budget=15000", "--dump-dom", url,
];
const dom = await new Promise((resolve, reject) => {
  const child = spawn(browser, args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  child.on("error", reject);
  child.on("close", () => { clearTimeout(timer); resolve(out); });
});
server.close();
await rm(profile, { recursive: true, force: true });

const match = dom.match(/data-result="([^"]*)"/);
assert.ok(match, `no result in the page:\n${dom.slice(0, 2000)}`);
const result = JSON.parse(match[1].replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
console.log("browser result:", result);
assert.deepEqual(result, { verified: true, code: "accepted", expired: "link_expired", node: false });
console.log("browser: 1 passed, 0 failed");
