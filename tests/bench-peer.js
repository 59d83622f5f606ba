// bench-peer.js: a JavaScript Poisson-disk sampler, the peer that
// bench-peer.c compares a fresh `hairline` process with.
//
//   node bench-peer.js calibrate N SIDE   prints the radius that gives about
//                                         N points in a SIDE × SIDE square
//   node bench-peer.js time RADIUS SIDE   times the first fill in this
//                                         process, then warm fills (after
//                                         three warm-up fills, median of 15)
//
// Output of "time": "points first_ms warm_ms load_ms", times from
// process.hrtime (in-process, the sampler's work only; load_ms is the
// module's require()).
//
// SPDX-License-Identifier: GPL-3.0-or-later
'use strict';

const t_load = process.hrtime.bigint();
const FastPoissonDiskSampling = require('fast-2d-poisson-disk-sampling');
const load_ms = Number(process.hrtime.bigint() - t_load) / 1e6;

// A fixed-seed generator, so every run samples the same points.
function mulberry32(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(radius, side, seed) {
  const sampler = new FastPoissonDiskSampling({ shape: [side, side], radius: radius, tries: 30 },
                                              mulberry32(seed));
  return sampler.fill().length;
}

const [mode, a, b] = process.argv.slice(2);
const side = Number(b);

if (mode === 'calibrate') {
  const want = Number(a);
  let radius = side / Math.sqrt(want);
  for (let k = 0; k < 4; k++)
    radius *= Math.sqrt(fill(radius, side, 7) / want);
  console.log(radius.toFixed(6));
} else if (mode === 'time') {
  const radius = Number(a);
  let t0 = process.hrtime.bigint();
  const n = fill(radius, side, 1);
  const first_ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const warm = [];

  for (let k = 0; k < 18; k++) {
    t0 = process.hrtime.bigint();
    fill(radius, side, 2 + k);
    if (k >= 3)
      warm.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  warm.sort((x, y) => x - y);
  console.log(n, first_ms.toFixed(3), warm[Math.floor(warm.length / 2)].toFixed(3), load_ms.toFixed(3));
} else {
  console.error('usage: bench-peer.js calibrate N SIDE | time RADIUS SIDE');
  process.exit(2);
}
