/**
 * The `huaweicloud` provider block. Arguments from huaweicloud/provider.go (`Provider()` schema) of
 * huaweicloud/terraform-provider-huaweicloud at commit a0345b8dcc818aa80d932ec0802891222b0a22af (v1.97.1+).
 * Credentials are best left to the environment (HW_ACCESS_KEY / HW_SECRET_KEY) or `assumeRole`: whatever is set
 * here is written into the synthesized JSON.
 */
import type { Construct } from "constructs";
import { type Attributes, defined } from "../attributes.js";
import { CloudProvider } from "../cloud-provider.js";

/** The `assume_role` block: an agency of another account. */
export interface HuaweicloudProviderAssumeRole {
  readonly agencyName: string;
  /** @default none */
  readonly domainName?: string;
  /** @default none */
  readonly domainId?: string;
  /** Minutes. @default the provider's default */
  readonly duration?: number;
}

export interface HuaweicloudProviderConfig {
  /** @default HW_REGION_NAME from the environment */
  readonly region?: string;
  /** @default none (the default block) */
  readonly alias?: string;
  /** @default HW_ACCESS_KEY */
  readonly accessKey?: string;
  /** @default HW_SECRET_KEY */
  readonly secretKey?: string;
  /** @default HW_PROJECT_ID */
  readonly projectId?: string;
  /** @default none */
  readonly assumeRole?: HuaweicloudProviderAssumeRole;
}

export class HuaweicloudProvider extends CloudProvider<HuaweicloudProviderConfig> {
  static readonly tfResourceType = "huaweicloud";

  constructor(scope: Construct, id: string, config: HuaweicloudProviderConfig = {}) {
    super(scope, id, "huaweicloud", config);
  }

  protected providerArguments(): Attributes {
    const role = this.config.assumeRole;
    return {
      region: this.config.region,
      access_key: this.config.accessKey,
      secret_key: this.config.secretKey,
      project_id: this.config.projectId,
      assume_role: role
        ? defined({
            agency_name: role.agencyName,
            domain_name: role.domainName,
            domain_id: role.domainId,
            duration: role.duration,
          })
        : undefined,
    };
  }
}
