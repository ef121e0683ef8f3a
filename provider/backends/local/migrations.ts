/**
 * Versioned schema migrations, applied in order inside one IMMEDIATE transaction (so two processes opening a new
 * state file at once cannot both migrate). The version lives in `PRAGMA user_version`. Append only: never edit a
 * shipped migration, add the next one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      "VPCs, route tables, peerings with their state machine columns, routes, per-IP limits, tokens",
    sql: `
      CREATE TABLE vpcs (
        id TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        cloud TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        cidrs TEXT NOT NULL,
        tags TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX vpcs_account ON vpcs(account);

      CREATE TABLE route_tables (
        id TEXT PRIMARY KEY,
        vpc_id TEXT NOT NULL REFERENCES vpcs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        main INTEGER NOT NULL,
        UNIQUE (vpc_id, name)
      );

      CREATE TABLE peerings (
        id TEXT PRIMARY KEY,
        cloud TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        vpc_id TEXT NOT NULL,
        region TEXT NOT NULL,
        account TEXT NOT NULL,
        peer_vpc_id TEXT NOT NULL,
        peer_region TEXT NOT NULL,
        peer_account TEXT NOT NULL,
        pair_lo TEXT NOT NULL,
        pair_hi TEXT NOT NULL,
        status TEXT NOT NULL,
        settle_status TEXT,
        settle_at INTEGER,
        bandwidth_mbps INTEGER,
        charge_type TEXT,
        service_level TEXT,
        dns_sync INTEGER NOT NULL DEFAULT 0,
        tags TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        expires_at INTEGER
      );
      -- One live peering per VPC pair (seed 001), enforced by the database too, not only by the check.
      CREATE UNIQUE INDEX peerings_live_pair ON peerings(pair_lo, pair_hi)
        WHERE status NOT IN ('DELETED', 'REJECTED');
      CREATE INDEX peerings_vpc ON peerings(vpc_id);
      CREATE INDEX peerings_peer_vpc ON peerings(peer_vpc_id);
      CREATE INDEX peerings_pending ON peerings(expires_at) WHERE status = 'PENDING';
      CREATE INDEX peerings_settling ON peerings(settle_at) WHERE settle_at IS NOT NULL;

      CREATE TABLE routes (
        id TEXT PRIMARY KEY,
        vpc_id TEXT NOT NULL REFERENCES vpcs(id),
        route_table_id TEXT NOT NULL REFERENCES route_tables(id),
        destination TEXT NOT NULL,
        peering_id TEXT NOT NULL REFERENCES peerings(id),
        description TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (route_table_id, destination)
      );
      CREATE INDEX routes_peering ON routes(peering_id);

      CREATE TABLE bandwidth_limits (
        peering_id TEXT NOT NULL REFERENCES peerings(id),
        vpc_id TEXT NOT NULL,
        ip TEXT NOT NULL,
        limit_mbps INTEGER NOT NULL,
        PRIMARY KEY (peering_id, ip)
      );

      CREATE TABLE client_tokens (
        account TEXT NOT NULL,
        token TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        peering_id TEXT NOT NULL REFERENCES peerings(id),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, token)
      );
    `,
  },
  {
    version: 2,
    description:
      "client tokens of VPC and route creates (every protocol's idempotent creates live in the engine)",
    sql: `
      CREATE TABLE create_tokens (
        account TEXT NOT NULL,
        kind TEXT NOT NULL,
        token TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, kind, token)
      );
    `,
  },
  {
    version: 3,
    description:
      "a VPC's description (Huawei's v1 CreateVpcOption.description, which the huaweicloud backend marks with its create token)",
    sql: `
      ALTER TABLE vpcs ADD COLUMN description TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 4,
    description:
      "indexes for an account's peerings (listPeerings without ids scanned every peering of every account, DELETED records included), for a VPC's live peerings (each create read the VPC's whole history of DELETED records), and for a peering's create token (the list's join scanned the account's tokens per row)",
    sql: `
      CREATE INDEX peerings_account ON peerings(account);
      CREATE INDEX peerings_peer_account ON peerings(peer_account);
      CREATE INDEX peerings_live_vpc ON peerings(vpc_id) WHERE status NOT IN ('DELETED', 'REJECTED');
      CREATE INDEX peerings_live_peer_vpc ON peerings(peer_vpc_id) WHERE status NOT IN ('DELETED', 'REJECTED');
      CREATE INDEX client_tokens_peering ON client_tokens(peering_id);
    `,
  },
  {
    version: 5,
    description:
      "subnets of a VPC, each with its gateway, its description (Huawei's carries the create marker) and the IPv6 block the engine assigned it when it was created dual-stack (Huawei ipv6_enable, Baidu enableIpv6)",
    sql: `
      CREATE TABLE subnets (
        id TEXT PRIMARY KEY,
        vpc_id TEXT NOT NULL REFERENCES vpcs(id),
        name TEXT NOT NULL,
        cidr TEXT NOT NULL,
        gateway_ip TEXT NOT NULL,
        ipv6_cidr TEXT,
        description TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
      );
      CREATE INDEX subnets_vpc ON subnets(vpc_id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
