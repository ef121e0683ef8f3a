/**
 * The `baiducloud` provider block. Arguments from baiducloud/provider.go (`Provider()` schema and
 * `assumeRoleSchema()`) of baidubce/terraform-provider-baiducloud at commit
 * 3bb5b82ffda6c33a8b8b8b965eea844a61b1a386 (v1.23.5). `access_key` and `secret_key` are required by the provider
 * but default to BAIDUCLOUD_ACCESS_KEY / BAIDUCLOUD_SECRET_KEY; prefer the environment, since whatever is set here
 * is written into the synthesized JSON.
 */
import type { Construct } from "constructs";
import { type Attributes, defined } from "../attributes.js";
import { CloudProvider } from "../cloud-provider.js";

/** The `assume_role` block: a role of another account. */
export interface BaiducloudProviderAssumeRole {
  readonly roleName: string;
  readonly accountId: string;
  /** @default none */
  readonly userId?: string;
  /** @default none */
  readonly acl?: string;
}

export interface BaiducloudProviderConfig {
  /** @default BAIDUCLOUD_REGION from the environment */
  readonly region?: string;
  /** @default none (the default block) */
  readonly alias?: string;
  /** @default BAIDUCLOUD_ACCESS_KEY */
  readonly accessKey?: string;
  /** @default BAIDUCLOUD_SECRET_KEY */
  readonly secretKey?: string;
  /** @default BAIDUCLOUD_SESSION_TOKEN */
  readonly sessionToken?: string;
  /** @default none */
  readonly assumeRole?: BaiducloudProviderAssumeRole;
}

export class BaiducloudProvider extends CloudProvider<BaiducloudProviderConfig> {
  static readonly tfResourceType = "baiducloud";

  constructor(scope: Construct, id: string, config: BaiducloudProviderConfig = {}) {
    super(scope, id, "baiducloud", config);
  }

  protected providerArguments(): Attributes {
    const role = this.config.assumeRole;
    return {
      region: this.config.region,
      access_key: this.config.accessKey,
      secret_key: this.config.secretKey,
      session_token: this.config.sessionToken,
      assume_role: role
        ? defined({
            role_name: role.roleName,
            account_id: role.accountId,
            user_id: role.userId,
            acl: role.acl,
          })
        : undefined,
    };
  }
}
