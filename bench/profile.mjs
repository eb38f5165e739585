// Where the app's time goes: Chrome's sampling CPU profile (CDP Profiler) of opening a
// plan, or with `--moves` of 30 keyboard moves of a block once it is open, on a build
// with the wasm's names kept. Prints the functions with the most time, self and total
// (a function's samples and its callees'). With `--first`, the first move alone (the
// bench's cold move), after the page has had 1.5 s to settle.
// Usage: node bench/profile.mjs DIR [blocks] [--phone] [--moves|--first] [--callers TEXT] [--plans FILE]
//   DIR: a build under bench/out made with `data-keep-debug` and `data-wasm-opt="0"`
//   (BENCHMARKS.md says how); run `node bench/run.mjs` first for bench/out.
import { readFileSync } from "node:fs";
import { launch } from "../tests/e2e/harness.mjs";
import { serveDir } from "../scripts/static-server.mjs";
import { MOVED_BLOCK_TEXT, OUT, seededContext, timeToDrawn } from "./harness.mjs";

const [dir = "prof", blocks = "60"] = process.argv.slice(2)
  .filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--callers" && all[i - 1] !== "--plans");
const phone = process.argv.includes("--phone");
const first = process.argv.includes("--first");
const moves = first || process.argv.includes("--moves");
// `--plans FILE`: the plans file (under bench/out) an older build reads (`alternate.mjs`).
const plansFile = process.argv.includes("--plans") ? process.argv[process.argv.indexOf("--plans") + 1] : "plans.json";
const plan = JSON.parse(readFileSync(`${OUT}/${plansFile}`, "utf8")).find((p) => String(p.blocks) === blocks);
const server = await serveDir(OUT);
const browser = await launch();
// `--callers TEXT`: also the chains of callers (five deep) of functions whose name has TEXT.
const callersOf = process.argv[process.argv.indexOf("--callers") + 1];
const watching = process.argv.includes("--callers");
const callers = new Map();
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
  if (!moves) await cdp.send("Profiler.start");
  drawnSum += await timeToDrawn(page, `${server.url}${dir}/#/plan/${plan.id}`);
  if (moves) {
    // The bench's block; five moves untimed, then 30 profiled.
    const block = page.locator(".block").filter({ hasText: MOVED_BLOCK_TEXT }).last();
    await block.focus();
    if (first) await page.waitForTimeout(1500);
    for (let i = first ? 5 : 0; i < (first ? 6 : 35); i++) {
      if (i === 5) await cdp.send("Profiler.start");
      await page.keyboard.press(i % 2 ? "ArrowUp" : "ArrowDown");
      await page.waitForTimeout(40);
    }
  }
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const gaps = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const ms = (gaps[i + 1] ?? 0) / 1000;
    const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split("/").pop() || "anonymous"})`;
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + ms);
    if (watching && name(byId.get(id)).includes(callersOf)) {
      const chain = [];
      for (let at = parent.get(id); at != null && chain.length < 5; at = parent.get(at)) chain.push(name(byId.get(at)).slice(0, 110));
      const key = chain.join("\n      <- ");
      callers.set(key, (callers.get(key) ?? 0) + ms);
    }
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
const per = first ? "per first move" : moves ? "per 30 moves" : "per load";
console.log(`${dir}, ${blocks} blocks${phone ? ", CPU 4× slower" : ""}: drawn at ${(drawnSum / runs).toFixed(1)} ms (mean of ${runs})`);
console.log(`Most self time (${per}):\n${top(self, 25)}`);
console.log(`Most total time (${per}):\n${top(total, 60)}`);
const ours = new Map([...total].filter(([name]) => name.includes("intensive_planner::")));
console.log(`The app's own functions, most total time (${per}):\n${top(ours, 40)}`);
if (watching) console.log(`Callers of ${callersOf} (${per}):\n${top(callers, 8).replaceAll("\n      <-", "\n             <-")}`);
