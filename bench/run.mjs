// The bench command: node bench/run.mjs (after scripts/build.sh); see README.
// Prints one table with our figures, the peer's, the ratio, and the budgets.
import { writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { prepare, measure, median, p95, OUT } from "./harness.mjs";
import { bundleSizes } from "../scripts/bundle-size.mjs";
import { measureVisits, PHASES } from "./visits.mjs";
import { launch } from "../tests/e2e/harness.mjs";
import { serveDir } from "../scripts/static-server.mjs";

const smoke = process.argv.includes("--smoke");
// `--visits`: the phone visits and sizes alone, to weigh one build against another
// (BENCH_DIST=dir names the build) without the desktop startup and move runs.
const visitsOnly = process.argv.includes("--visits");
const plans = prepare().filter((p) => !(smoke || visitsOnly) || p.blocks <= 60);
const results = visitsOnly ? [] : await measure({ plans, runs: smoke ? 1 : 9, presses: smoke ? 4 : 60, warmup: smoke ? 1 : 5 });
const ours = bundleSizes(`${OUT}/app`).total;
const peer = bundleSizes(`${OUT}/peer`).total;

// The phone visits use the realistic plan (the smallest).
const phonePlan = plans.reduce((a, b) => (b.blocks < a.blocks ? b : a));
const server = await serveDir(OUT);
const browser = await launch();
const visitRuns = smoke ? 1 : 5;
const [mineVisits, theirVisits] = await measureVisits({ browser, server, plan: phonePlan, runs: visitRuns })
  .finally(() => Promise.all([browser.close(), server.close()]));

let checkMicros = null;
if (!smoke && !visitsOnly) {
  const out = execFileSync("cargo", ["bench", "--quiet", "--bench", "check_rules"], { encoding: "utf8" });
  checkMicros = Number(out.match(/300 blocks.*median ([\d.]+) µs/)?.[1]);
}

const f = (x, unit = "ms") => (x == null || Number.isNaN(x) ? "–" : `${x.toFixed(1)} ${unit}`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
const budgets = [];
const row = (what, a, b, ratio) => rows.push([what, a, b, ratio]);
row("bundle raw (wasm+JS+CSS)", kb(ours.raw), kb(peer.raw), (ours.raw / peer.raw).toFixed(2));
row("bundle gzip", kb(ours.gzip), kb(peer.gzip), (ours.gzip / peer.gzip).toFixed(2));
row("bundle brotli", kb(ours.brotli), kb(peer.brotli), (ours.brotli / peer.brotli).toFixed(2));
budgets.push(["total brotli ≤ 250 KB", ours.brotli <= 250 * 1024, kb(ours.brotli)]);
for (const plan of visitsOnly ? [] : plans) {
  const mine = results.find((r) => r.plan === plan.id && r.subject === "ours");
  const theirs = results.find((r) => r.plan === plan.id && r.subject === "peer");
  const label = `${plan.days}-day ${plan.blocks}-block${plan.overlapping ? " overlapping" : ""}`;
  const ratio = median(mine.startups) / median(theirs.startups);
  row(`startup, ${label} (median)`, f(median(mine.startups)), f(median(theirs.startups)), ratio.toFixed(2));
  row(`move 15 min shown, ${label} (median)`, f(median(mine.moves)), f(median(theirs.moves)), (median(mine.moves) / median(theirs.moves)).toFixed(2));
  row(`move 15 min shown, ${label} (p95)`, f(p95(mine.moves)), f(p95(theirs.moves)), (p95(mine.moves) / p95(theirs.moves)).toFixed(2));
  row(`move 15 min saved, ${label} (median)`, f(median(mine.saves)), f(median(theirs.saves)), (median(mine.saves) / median(theirs.saves)).toFixed(2));
  row(`first move after load (cold, median of each load's first), ${label}`, f(mine.cold), f(theirs.cold), (mine.cold / theirs.cold).toFixed(2));
  if (plan.overlapping) {
    budgets.push([`open ${label} < 2 s`, median(mine.startups) < 2000, f(median(mine.startups))]);
    budgets.push([`move shown, median, ${label} < 100 ms`, median(mine.moves) < 100, f(median(mine.moves))]);
    continue;
  }
  budgets.push([`startup ${label}: ratio ≤ 1.0`, ratio <= 1.0, ratio.toFixed(2)]);
  if (plan.blocks <= 60) budgets.push([`move shown, median, ${label} ≤ 4 ms`, median(mine.moves) <= 4, f(median(mine.moves))]);
  if (plan.blocks >= 300) budgets.push([`move shown, p95, ${label} ≤ 16 ms`, p95(mine.moves) <= 16, f(p95(mine.moves))]);
}
{
  const label = `${phonePlan.days}-day ${phonePlan.blocks}-block`;
  const [m, t] = [mineVisits, theirVisits];
  const firstRatio = median(m.first) / median(t.first);
  const repeatRatio = median(m.repeat) / median(t.repeat);
  row(`phone first visit, ${label} (median)`, f(median(m.first)), f(median(t.first)), firstRatio.toFixed(2));
  row(`phone first visit bytes, ${label}`, kb(median(m.firstBytes)), kb(median(t.firstBytes)), (median(m.firstBytes) / median(t.firstBytes)).toFixed(2));
  row(`phone repeat visit, ${label} (median)`, f(median(m.repeat)), f(median(t.repeat)), repeatRatio.toFixed(2));
  row(`phone repeat visit bytes, ${label}`, kb(Math.max(...m.repeatBytes)), kb(Math.max(...t.repeatBytes)), "–");
  for (const [what, key] of PHASES) {
    row(`phone repeat visit, ours: ${what} (median, from navigation start)`, f(median(m.repeatPhases.map((p) => p[key]))), "–", "–");
  }
  const paintRatio = median(m.firstPaint) / median(t.firstPaint);
  row(`phone first visit, first contentful paint (median)`, f(median(m.firstPaint)), f(median(t.firstPaint)), paintRatio.toFixed(2));
  row(`phone repeat visit, first contentful paint (median)`, f(median(m.repeatPaint)), f(median(t.repeatPaint)), (median(m.repeatPaint) / median(t.repeatPaint)).toFixed(2));
  const link = m.shareLink;
  const readableRatio = median(link.readable) / median(t.first);
  row(`phone share link first visit, review readable (median; peer: its first visit)`, f(median(link.readable)), f(median(t.first)), readableRatio.toFixed(2));
  row(`phone share link first visit, interactive (median; peer: its first visit)`, f(median(link.interactive)), f(median(t.first)), (median(link.interactive) / median(t.first)).toFixed(2));
  row(`phone share link first visit, first contentful paint (median)`, f(median(link.paint)), f(median(t.firstPaint)), (median(link.paint) / median(t.firstPaint)).toFixed(2));
  row(`phone share link first visit bytes (link of ${link.linkChars} characters)`, kb(median(link.bytes)), kb(median(t.firstBytes)), (median(link.bytes) / median(t.firstBytes)).toFixed(2));
  budgets.push([`phone first visit ≤ 1.0 × peer`, firstRatio <= 1.0, firstRatio.toFixed(2)]);
  budgets.push([`phone share link to review readable ≤ 1.0 × peer's first visit`, readableRatio <= 1.0, readableRatio.toFixed(2)]);
  budgets.push([`phone first contentful paint ≤ peer's`, paintRatio <= 1.0, paintRatio.toFixed(2)]);
  budgets.push([`phone repeat visit fetches 0 bytes`, Math.max(...m.repeatBytes) === 0, `${Math.max(...m.repeatBytes)} B: ${m.repeatRequests.join(", ") || "no request"}`]);
  budgets.push([`phone repeat visit ≤ 0.5 × peer`, repeatRatio <= 0.5, repeatRatio.toFixed(2)]);
}
if (checkMicros != null) row("check all rules, 7-day 300-block (median, native)", f(checkMicros, "µs"), "–", "–");

const width = [0, 1, 2, 3].map((i) => Math.max(...[["measure", "Intensive Planner", "FullCalendar 6", "ratio"], ...rows].map((r) => String(r[i]).length)));
const line = (r) => "| " + r.map((c, i) => String(c).padEnd(width[i])).join(" | ") + " |";
console.log(`\n${smoke ? "Bench smoke run (one small plan, one load)" : "Benchmark"}: medians over ${smoke ? 1 : 9} loads and ${smoke ? 4 : 60} moves after ${smoke ? 1 : 5} warm-up moves, headless Chromium\n`);
console.log(line(["measure", "Intensive Planner", "FullCalendar 6", "ratio"]));
console.log(line(width.map((w) => "-".repeat(w))));
rows.forEach((r) => console.log(line(r)));
console.log("\nBudgets:");
for (const [what, pass, value] of budgets) console.log(`  ${pass ? "PASS" : "FAIL"}  ${what} (${value})`);
writeFileSync(`${OUT}/results.json`, JSON.stringify({ ours, peer, results, visits: [mineVisits, theirVisits], checkMicros, budgets }, null, 2));
