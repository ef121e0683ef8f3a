/**
 * Tencent Cloud VPC peering list prices, as data. Every figure is copied from seed 000, section "计费模式"
 * (../shared/seeds/000_85f1307d28a3ea41.txt). Where the seed gives no figure ("请与商务洽谈", "-"), the price is
 * `undefined`: peerlink never guesses a price.
 *
 * Ranges: the seed writes the daily tiers as half-open intervals "(0 , 20] Mbps", and the monthly table as
 * "0~10", "10~20", ... with no brackets. Both tables are read as (aboveMbps, upToMbps]: a value exactly on a
 * boundary (20, 100, 10, 2000) belongs to the lower tier, the same convention the daily table states explicitly.
 *
 * Not applied: the seed's free-bandwidth promotion (私有网络跨地域对等连接带宽免费送活动: 100 Mbps for VIP,
 * 10 Mbps for ordinary customers, daily peak and gold service only), which the seed says ran until 2018.12.31.
 */

/** The currency of every Tencent price in seed 000 (元, yuan). */
export const CURRENCY = "CNY";

/** One price tier: the bandwidth range (aboveMbps, upToMbps] and its unit price. */
export interface PriceTier {
  /** Exclusive lower bound. */
  readonly aboveMbps: number;
  /** Inclusive upper bound; `Infinity` for the open top tier ("大于 2000 Mbps", "2000以上"). */
  readonly upToMbps: number;
  /** CNY per Mbps per billing period; `undefined` where the seed says to contact sales. */
  readonly price: number | undefined;
  /** The range as the reports print it, e.g. "(20, 100] Mbps". */
  readonly label: string;
}

/* Same-region peerings cost nothing (seed 000 "计费方式说明": 同地域对等连接：免费): the rulebook's billing.free. */

/**
 * The regions of the seed's mainland price column "北京 成都 上海 上海金融 广州 深圳金融" (seed 000, daily-peak
 * table header), as Tencent API region ids. The monthly table is "大陆价格" (mainland prices); peerlink applies it
 * to the same column of regions and prices nothing else: Hong Kong and overseas are "-" or "请与商务洽谈".
 */
export const TENCENT_MAINLAND_PRICED_REGIONS: readonly string[] = [
  "ap-beijing", // 北京
  "ap-chengdu", // 成都
  "ap-shanghai", // 上海
  "ap-shanghai-fsi", // 上海金融
  "ap-guangzhou", // 广州
  "ap-shenzhen-fsi", // 深圳金融
];

/**
 * Daily-peak tiers, CNY/Mbps/day, cross-region peerings with both ends in the mainland column.
 * seed 000 "日峰值计费" price table: (0 , 20] Mbps 20 元; (20 ,100] Mbps 12 元; (100 , 500] Mbps,
 * (500 , 2000] Mbps and 大于 2000 Mbps: 请与商务洽谈 (contact sales).
 */
export const TENCENT_DAILY_PEAK_TIERS: readonly PriceTier[] = [
  { aboveMbps: 0, upToMbps: 20, price: 20, label: "(0, 20] Mbps" },
  { aboveMbps: 20, upToMbps: 100, price: 12, label: "(20, 100] Mbps" },
  { aboveMbps: 100, upToMbps: 500, price: undefined, label: "(100, 500] Mbps" },
  { aboveMbps: 500, upToMbps: 2000, price: undefined, label: "(500, 2000] Mbps" },
  { aboveMbps: 2000, upToMbps: Number.POSITIVE_INFINITY, price: undefined, label: "above 2000 Mbps" },
];

/**
 * Monthly-95 spec table, CNY/Mbps/month, mainland (seed 000 "月95峰值计费", 规格 / 大陆价格（元/Mbps/月）):
 * 0~10 550, 10~20 410, 20~50 290, 50~100 220, 100~200 165, 200~500 115, 500~1000 88, 1000~2000 69,
 * 2000以上 65. Ranges read as (lo, hi], see the file comment.
 */
export const TENCENT_MONTHLY_95_TIERS: readonly PriceTier[] = [
  { aboveMbps: 0, upToMbps: 10, price: 550, label: "(0, 10] Mbps" },
  { aboveMbps: 10, upToMbps: 20, price: 410, label: "(10, 20] Mbps" },
  { aboveMbps: 20, upToMbps: 50, price: 290, label: "(20, 50] Mbps" },
  { aboveMbps: 50, upToMbps: 100, price: 220, label: "(50, 100] Mbps" },
  { aboveMbps: 100, upToMbps: 200, price: 165, label: "(100, 200] Mbps" },
  { aboveMbps: 200, upToMbps: 500, price: 115, label: "(200, 500] Mbps" },
  { aboveMbps: 500, upToMbps: 1000, price: 88, label: "(500, 1000] Mbps" },
  { aboveMbps: 1000, upToMbps: 2000, price: 69, label: "(1000, 2000] Mbps" },
  { aboveMbps: 2000, upToMbps: Number.POSITIVE_INFINITY, price: 65, label: "above 2000 Mbps" },
];

/**
 * A day counts towards the monthly-95 bill when its consumption exceeds 1 Kbps (seed 000 "有效天数": 产生的消耗
 * 大于 1 Kbps). 1 Kbps = 0.001 Mbps (decimal units, as bandwidth is sold).
 */
export const TENCENT_EFFECTIVE_DAY_THRESHOLD_MBPS = 0.001;

/** Bandwidth is sampled every 5 minutes (seed 000: 每5分钟采集一次), so a full day has 288 points. */
export const SAMPLE_INTERVAL_MINUTES = 5;
