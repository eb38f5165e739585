// A smoke run of the benchmark harness on the small plan, so the bench cannot rot.
// It checks that every figure is measured, not how fast: timings live in BENCHMARKS.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { prepare, measure, OUT } from "../../bench/harness.mjs";
import { measureVisits } from "../../bench/visits.mjs";
import { bundleSizes } from "../../scripts/bundle-size.mjs";
import { serveDir } from "../../scripts/static-server.mjs";
import { launch } from "./harness.mjs";

test("the benchmark harness measures both apps on a small plan", async () => {
  const plans = prepare().filter((p) => p.blocks <= 60);
  assert.equal(plans.length, 1);
  assert.equal(plans[0].blocks, 60);
  const results = await measure({ plans, runs: 2, presses: 2, warmup: 1 });
  assert.deepEqual(results.map((r) => r.subject), ["ours", "peer"]);
  for (const r of results) {
    assert.equal(r.startups.length, 2);
    assert.ok(r.startups.every((ms) => Number.isFinite(ms) && ms > 0), `${r.subject} startup ${r.startups}`);
    assert.equal(r.moves.length, 2);
    assert.ok(r.moves.every((m) => Number.isFinite(m) && m >= 0), `${r.subject} moves ${r.moves}`);
    assert.equal(r.saves.length, 2);
    assert.ok(r.saves.every((m, i) => Number.isFinite(m) && m >= r.moves[i]), `${r.subject} saves ${r.saves}`);
    assert.ok(Number.isFinite(r.cold) && r.cold >= 0, `${r.subject} first move ${r.cold}`);
  }
  for (const dir of [`${OUT}/app`, `${OUT}/peer`]) assert.ok(bundleSizes(dir).total.brotli > 0);
});

test("the benchmark harness measures a phone's first and repeat visit of both apps", async () => {
  const plan = prepare().find((p) => p.blocks <= 60);
  const server = await serveDir(OUT);
  const browser = await launch();
  try {
    const visits = await measureVisits({ browser, server, plan, runs: 1 });
    assert.deepEqual(visits.map((v) => v.subject), ["ours", "peer"]);
    for (const v of visits) {
      for (const ms of [...v.first, ...v.repeat]) assert.ok(Number.isFinite(ms) && ms > 0, `${v.subject} ${ms}`);
      assert.ok(v.firstBytes[0] > 10_000, `${v.subject} fetched its files on the first visit`);
      assert.ok(Number.isInteger(v.repeatBytes[0]) && v.repeatBytes[0] < v.firstBytes[0], `${v.subject} repeat`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
