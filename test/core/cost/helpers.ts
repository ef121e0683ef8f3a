/** Sample generators for the cost tests: 288 five-minute points per China day, as Tencent collects them. */
import type { BandwidthSample } from "../../../provider/core/cost/index.js";

export const POINTS_PER_DAY = 288;
const FIVE_MINUTES_MS = 5 * 60 * 1000;

/** The instant a China day ("YYYY-MM-DD") starts: midnight UTC+8. */
export function chinaMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** One day of 288 points; `value(i)` gives point i's max(in, out), split so `in` carries it. */
export function daySamples(day: string, value: (i: number) => number, peering?: string): BandwidthSample[] {
  const start = chinaMidnight(day);
  return Array.from({ length: POINTS_PER_DAY }, (_, i) => ({
    time: new Date(start + i * FIVE_MINUTES_MS),
    inMbps: value(i),
    outMbps: value(i) / 2,
    ...(peering === undefined ? {} : { peering }),
  }));
}

/** "2017-02-01" .. for days 1..n of a month "YYYY-MM". */
export function monthDays(month: string, from: number, to: number): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d++) days.push(`${month}-${String(d).padStart(2, "0")}`);
  return days;
}

/**
 * The seed's monthly example rebuilt: February 2017 with 14 effective days (1..14), so 14 x 288 = 4032 points and
 * floor(4032 / 20) = 201 dropped. `spikes` points at 900 Mbps (spread over the effective days), 5 points at
 * 25 Mbps per day, the rest at 40 Mbps. Days 15..28 carry traffic of at most 1 Kbps, so they are not effective.
 */
export function february2017(spikes: number, peering?: string): BandwidthSample[] {
  const samples: BandwidthSample[] = [];
  let spikesLeft = spikes;
  for (const day of monthDays("2017-02", 1, 14)) {
    const spikeToday = Math.min(spikesLeft, Math.ceil(spikes / 14));
    spikesLeft -= spikeToday;
    samples.push(...daySamples(day, (i) => (i < spikeToday ? 900 : i >= 280 ? 25 : 40), peering));
  }
  for (const day of monthDays("2017-02", 15, 28)) {
    // 0, 0.0005 and exactly 0.001 Mbps: none exceeds 1 Kbps.
    samples.push(...daySamples(day, (i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? 0.0005 : 0.001), peering));
  }
  return samples;
}
