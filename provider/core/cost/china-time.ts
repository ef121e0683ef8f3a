/**
 * Calendar keys in China time. Tencent bills mainland peerings by the China day and natural month (seed 000:
 * 计费周期 日 / 按自然月结算); China Standard Time is UTC+8 all year, with no daylight saving time, so a fixed
 * offset is exact and the result does not depend on the machine's time zone.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaIso(time: Date): string {
  return new Date(time.getTime() + CHINA_OFFSET_MS).toISOString();
}

/** The China calendar day of an instant, "YYYY-MM-DD": 2017-02-01T16:30:00Z is "2017-02-02". */
export function chinaDay(time: Date): string {
  return chinaIso(time).slice(0, 10);
}

/** The China calendar month of an instant, "YYYY-MM". */
export function chinaMonth(time: Date): string {
  return chinaIso(time).slice(0, 7);
}

/** Days in a month given as "YYYY-MM" (the 28 of "2017-02" is the seed's "自然月的天数"). */
export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}
