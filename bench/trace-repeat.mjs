// Where a phone repeat visit's time goes: one first visit to the 60-block plan, then
// a repeat visit traced with Chrome's timeline (CDP Tracing) on the phone profile of
// bench/visits.mjs; prints the renderer main thread's busy time by kind of work, and
// the visit's marks. Run after `node bench/run.mjs` (it reuses bench/out).
// Usage: node bench/trace-repeat.mjs [ours|peer] [--startup] [--tasks]
import { readFileSync } from "node:fs";
import { launch, offlineReady } from "../tests/e2e/harness.mjs";
import { serveDir } from "../scripts/static-server.mjs";
import { OUT, SUBJECTS, seededContext, timeToDrawn } from "./harness.mjs";
import { PHONE, throttledTab } from "./visits.mjs";

const subject = process.argv.slice(2).find((a) => !a.startsWith("--")) || "ours";
const plans = JSON.parse(readFileSync(`${OUT}/plans.json`, "utf8"));
const plan = plans.reduce((a, b) => (b.blocks < a.blocks ? b : a));
const server = await serveDir(OUT);
const browser = await launch();
const url = server.url + SUBJECTS[subject].path(plan);
// `--startup`: instead, the bench's desktop startup (a fresh context, no throttling).
const startup = process.argv.includes("--startup");
const context = await seededContext(browser, plan, startup ? { viewport: { width: 1600, height: 1000 } } : PHONE);
if (!startup) {
  const first = await throttledTab(context);
  await timeToDrawn(first, url);
  if (subject === "ours") await offlineReady(first);
  await first.close();
}
const repeat = startup ? await context.newPage() : await throttledTab(context);
const cdp = await context.newCDPSession(repeat);
const events = [];
cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
await cdp.send("Tracing.start", {
  traceConfig: { includedCategories: ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline", "v8.wasm", "blink.user_timing"] },
});
const drawn = await timeToDrawn(repeat, url);
await repeat.waitForTimeout(300);
await cdp.send("Tracing.end");
await done;
await Promise.all([browser.close(), server.close()]);

// The renderer's main thread: the thread that ran the top-level tasks of the page.
const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain"
  && events.some((t) => t.pid === e.pid && t.tid === e.tid && t.name === "ParseHTML"));
const start = events.find((e) => e.name === "navigationStart" && e.pid === main.pid)?.ts
  ?? Math.min(...events.filter((e) => e.pid === main.pid && e.ts).map((e) => e.ts));
const end = start + drawn * 1000;
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.ts >= start && e.ts <= end);
// Self time per event name: a task's duration minus its children's, so no time counts twice.
const self = new Map();
const stack = [];
for (const e of onMain.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
  while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
  if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - e.dur);
  self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
  stack.push(e);
}
const busy = onMain.filter((e) => !onMain.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur))
  .reduce((sum, e) => sum + e.dur, 0);
console.log(`${subject} ${startup ? "desktop startup" : "repeat visit"}: drawn at ${drawn.toFixed(1)} ms; main thread busy ${(busy / 1000).toFixed(1)} ms of it`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).filter(([, us]) => us >= 2000)) {
  console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
}
const ownMarks = ["app-start", "plans-read", "page-built", "app-drawn"];
const marks = events.filter((e) => ownMarks.includes(e.name) && e.pid === main.pid && e.ts >= start && e.ph !== "e");
for (const m of marks.sort((a, b) => a.ts - b.ts)) console.log(`  mark ${m.name} at ${((m.ts - start) / 1000).toFixed(1)} ms`);
// `--tasks`: each top-level task of 3 ms or more, with what took 2 ms or more inside it.
if (process.argv.includes("--tasks")) {
  for (const e of onMain.filter((t) => !onMain.some((p) => p !== t && p.ts <= t.ts && p.ts + p.dur >= t.ts + t.dur) && t.dur >= 3000)) {
    const inner = onMain.filter((c) => c !== e && c.ts >= e.ts && c.ts + c.dur <= e.ts + e.dur && c.dur >= 2000).map((c) => `${c.name} ${(c.dur / 1000).toFixed(0)}`);
    console.log(`  task at ${((e.ts - start) / 1000).toFixed(1)} ms, ${(e.dur / 1000).toFixed(1)} ms: ${inner.slice(0, 8).join(", ")}`);
  }
}
