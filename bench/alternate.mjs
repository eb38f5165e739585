// Startup of several builds and the peer, alternated load by load in one browser, so
// the VM's drift falls on all alike: the fair way to weigh a build against an older one.
// With `--moves`, each load then moves a block 5 times untimed and 12 timed, as
// `run.mjs` does, and the medians of the first (cold) move, shown and saved are printed too.
// With `--phases`, the medians of each phase of a visit (bench/visits.mjs) are printed too,
// and "painted": the end of the first frame after the drawn mark (a task queued from that
// frame's animation callback), so work that lands just after the mark is counted as well.
// Usage: node bench/alternate.mjs BLOCKS ROUNDS [--moves] [--phases] NAME[=PLANS] ...
//   NAME: a build under bench/out (copy it there), or `peer`; PLANS: the plans file
//   (under bench/out) that build reads, for a build older than the stored format:
//   `cargo run --example bench_plans` in its checkout. Run `node bench/run.mjs` first.
import { readFileSync } from "node:fs";
import { launch } from "../tests/e2e/harness.mjs";
import { serveDir } from "../scripts/static-server.mjs";
import { OUT, SUBJECTS, interactions, median, seededContext, timeToDrawn } from "./harness.mjs";
import { PHASES, probeWasmStart, readPhases } from "./visits.mjs";

const moving = process.argv.includes("--moves");
const phased = process.argv.includes("--phases");
const [blocks, rounds, ...specs] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const subjects = specs.map((spec) => {
  const [name, plans = "plans.json"] = spec.split("=");
  const plan = JSON.parse(readFileSync(`${OUT}/${plans}`, "utf8")).find((p) => String(p.blocks) === blocks);
  const path = name === "peer" ? SUBJECTS.peer.path(plan) : `${name}/#/plan/${plan.id}`;
  return { name, plan, path, startups: [], colds: [], moves: [], saves: [], phases: [] };
});
const server = await serveDir(OUT);
const browser = await launch();
try {
  for (let round = 0; round < Number(rounds); round++) {
    for (const subject of subjects) {
      const context = await seededContext(browser, subject.plan, { viewport: { width: 1600, height: 1000 } });
      if (phased) await Promise.all([probeWasmStart(context), probePainted(context)]);
      const page = await context.newPage();
      subject.startups.push(await timeToDrawn(page, server.url + subject.path));
      if (phased) subject.phases.push(await readPainted(page));
      if (moving) {
        const moved = await interactions(page, subject.name === "peer" ? "peer" : "ours", subject.plan, 12, 5);
        subject.colds.push(moved.cold);
        subject.moves.push(...moved.moves);
        subject.saves.push(...moved.saves);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const peer = subjects.find((s) => s.name === "peer");
for (const s of subjects) {
  const ratio = peer ? ` ratio ${(median(s.startups) / median(peer.startups)).toFixed(2)}` : "";
  const moved = moving
    ? `, first move ${median(s.colds).toFixed(1)} ms, move shown ${median(s.moves).toFixed(1)} ms, saved ${median(s.saves).toFixed(1)} ms`
    : "";
  console.log(`${blocks} blocks  ${s.name.padEnd(10)} startup median ${median(s.startups).toFixed(1)} ms${ratio}${moved}`);
}
if (phased) {
  console.log("phase (median ms from navigation start)".padEnd(44) + subjects.map((s) => s.name.padStart(10)).join(""));
  for (const [label, key] of [...PHASES, ["painted (first frame after drawn)", "app-painted"]]) {
    const cells = subjects.map((s) => {
      const times = s.phases.map((p) => p[key]).filter((t) => t !== undefined);
      return (times.length ? median(times).toFixed(1) : "–").padStart(10);
    });
    console.log(label.padEnd(44) + cells.join(""));
  }
}

async function probePainted(context) {
  await context.addInitScript(() => {
    const mark = Performance.prototype.mark;
    Performance.prototype.mark = function (name, ...rest) {
      if (name === "app-drawn") requestAnimationFrame(() => setTimeout(() => mark.call(performance, "app-painted")));
      return mark.call(this, name, ...rest);
    };
  });
}

async function readPainted(page) {
  await page.waitForFunction(() => performance.getEntriesByName("app-painted").length > 0);
  return { ...(await readPhases(page)), "app-painted": await page.evaluate(() => performance.getEntriesByName("app-painted")[0].startTime) };
}
