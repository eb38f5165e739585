// Startup of several builds and the peer, alternated load by load in one browser, so
// the VM's drift falls on all alike: the fair way to weigh a build against an older one.
// Usage: node bench/alternate.mjs BLOCKS ROUNDS NAME[=PLANS] ...
//   NAME: a build under bench/out (copy it there), or `peer`; PLANS: the plans file
//   (under bench/out) that build reads, for a build older than the stored format:
//   `cargo run --example bench_plans` in its checkout. Run `node bench/run.mjs` first.
import { readFileSync } from "node:fs";
import { launch } from "../tests/e2e/harness.mjs";
import { serveDir } from "../scripts/static-server.mjs";
import { OUT, SUBJECTS, median, seededContext, timeToDrawn } from "./harness.mjs";

const [blocks, rounds, ...specs] = process.argv.slice(2);
const subjects = specs.map((spec) => {
  const [name, plans = "plans.json"] = spec.split("=");
  const plan = JSON.parse(readFileSync(`${OUT}/${plans}`, "utf8")).find((p) => String(p.blocks) === blocks);
  const path = name === "peer" ? SUBJECTS.peer.path(plan) : `${name}/#/plan/${plan.id}`;
  return { name, plan, path, startups: [] };
});
const server = await serveDir(OUT);
const browser = await launch();
try {
  for (let round = 0; round < Number(rounds); round++) {
    for (const subject of subjects) {
      const context = await seededContext(browser, subject.plan, { viewport: { width: 1600, height: 1000 } });
      subject.startups.push(await timeToDrawn(await context.newPage(), server.url + subject.path));
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
  console.log(`${blocks} blocks  ${s.name.padEnd(10)} startup median ${median(s.startups).toFixed(1)} ms${ratio}`);
}
