// Where startup's time goes inside the app: Chrome's sampling CPU profile (CDP
// Profiler) of opening a plan, on a build with the wasm's names kept. Prints the
// functions with the most time, self and total (a function's samples and its callees').
// Usage: node bench/profile-startup.mjs DIR [blocks] [--phone]
//   DIR: a build under bench/out made with `data-keep-debug` and `data-wasm-opt="0"`
//   (BENCHMARKS.md says how); run `node bench/run.mjs` first for bench/out.
import { readFileSync } from "node:fs";
import { launch } from "../tests/e2e/harness.mjs";
import { serveDir } from "../scripts/static-server.mjs";
import { OUT, seededContext, timeToDrawn } from "./harness.mjs";

const [dir = "prof", blocks = "60"] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const phone = process.argv.includes("--phone");
const plan = JSON.parse(readFileSync(`${OUT}/plans.json`, "utf8")).find((p) => String(p.blocks) === blocks);
const server = await serveDir(OUT);
const browser = await launch();
const self = new Map();
const total = new Map();
let drawnSum = 0;
const runs = 5;
for (let run = 0; run < runs; run++) {
  const context = await seededContext(browser, plan, { viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (phone) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  drawnSum += await timeToDrawn(page, `${server.url}${dir}/#/plan/${plan.id}`);
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const gaps = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const ms = (gaps[i + 1] ?? 0) / 1000;
    const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split("/").pop() || "anonymous"})`;
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at != null; at = parent.get(at)) {
      const n = name(byId.get(at));
      if (!seen.has(n)) total.set(n, (total.get(n) ?? 0) + ms);
      seen.add(n);
    }
  });
  await context.close();
}
await Promise.all([browser.close(), server.close()]);
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([name, ms]) => `  ${(ms / runs).toFixed(1).padStart(7)} ms  ${name.slice(0, 150)}`).join("\n");
console.log(`${dir}, ${blocks} blocks${phone ? ", CPU 4× slower" : ""}: drawn at ${(drawnSum / runs).toFixed(1)} ms (mean of ${runs})`);
console.log(`Most self time (per load):\n${top(self, 25)}`);
console.log(`Most total time (per load):\n${top(total, 60)}`);
const ours = new Map([...total].filter(([name]) => name.includes("intensive_planner::")));
console.log(`The app's own functions, most total time (per load):\n${top(ours, 40)}`);
