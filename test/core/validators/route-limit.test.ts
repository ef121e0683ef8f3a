import { describe, expect, it } from "vitest";
import { RULEBOOK } from "../../../provider/core/rulebook/index.js";
import type { Cloud, TopologyInput } from "../../../provider/core/topology-schema.js";
import { validateDocument } from "../../../provider/core/validate.js";

const REGION: Record<Cloud, string> = {
  tencentcloud: "ap-guangzhou",
  huaweicloud: "cn-east-3",
  baiducloud: "bj",
};

/** vpc-a with `n` routes into vpc-b (a /24 each), spread over `tables` (undefined: the main table). */
function table(cloud: Cloud, n: number, tables: (string | undefined)[] = [undefined]): TopologyInput {
  const extra = tables.filter((t): t is string => t !== undefined);
  return {
    vpcs: [
      {
        id: "vpc-a",
        cloud,
        region: REGION[cloud],
        account: "1",
        cidrs: ["10.0.0.0/16"],
        ...(extra.length > 0 ? { routeTables: extra } : {}),
      },
      { id: "vpc-b", cloud, region: REGION[cloud], account: "1", cidrs: ["10.1.0.0/16"] },
    ],
    peerings: [
      {
        id: "a-b",
        vpc: "vpc-a",
        peerVpc: "vpc-b",
        ...(cloud === "baiducloud" ? { bandwidthMbps: 100 } : {}),
      },
    ],
    routes: [
      { vpc: "vpc-b", destination: "10.0.0.0/16", peering: "a-b" },
      ...Array.from({ length: n }, (_, i) => {
        const routeTable = tables[i % tables.length];
        return {
          vpc: "vpc-a",
          destination: `10.1.${i}.0/24`,
          peering: "a-b",
          ...(routeTable === undefined ? {} : { routeTable }),
        };
      }),
    ],
  };
}

const refused = (doc: TopologyInput) =>
  validateDocument(doc)
    .diagnostics.filter((d) => d.code === "ROUTE_LIMIT_EXCEEDED")
    .map((d) => d.resource);

describe("ROUTE_LIMIT_EXCEEDED (Huawei 200 per route table, Baidu 50; Tencent open)", () => {
  it.each([
    ["huaweicloud", 200, []],
    ["huaweicloud", 201, ["routes[201]"]],
    ["huaweicloud", 203, ["routes[201]", "routes[202]", "routes[203]"]],
    ["baiducloud", 50, []],
    ["baiducloud", 51, ["routes[51]"]],
    ["tencentcloud", 256, []],
  ] as const)("%s with %i routes in one table refuses %j", (cloud, n, want) => {
    expect(refused(table(cloud, n))).toEqual(want);
  });

  it("reads the limits from the rulebook", () => {
    expect(RULEBOOK.huaweicloud.limits.routesPerRouteTable).toMatchObject({ value: 200 });
    expect(RULEBOOK.baiducloud.limits.routesPerRouteTable).toMatchObject({ value: 50 });
    expect(RULEBOOK.tencentcloud.limits.routesPerRouteTable).toMatchObject({ open: true });
  });

  it("counts each route table of a VPC on its own: 250 routes over the main table and rtb-2 fit", () => {
    expect(refused(table("huaweicloud", 250, [undefined, "rtb-2"]))).toEqual([]);
  });

  it("names the route table, its count, the limit and the way out", () => {
    const [d] = validateDocument(table("huaweicloud", 201)).diagnostics.filter(
      (x) => x.code === "ROUTE_LIMIT_EXCEEDED",
    );
    expect(d?.message).toContain('Route table "main" of VPC "vpc-a" holds 201 routes');
    expect(d?.message).toContain("allows 200 per route table");
    expect(d?.fix).toContain("Split the routes across route tables or aggregate destinations");
  });
});
