/**
 * The `tencentcloud` provider block. Arguments from tencentcloud/provider.go (`Provider()` schema) of
 * tencentcloudstack/terraform-provider-tencentcloud at commit f6970a90038400958503a0edab62c6c463baa7b0 (v1.83.25).
 * Credentials are best left to the environment (TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY), `profile`
 * or `assumeRole`: whatever is set here is written into the synthesized JSON.
 */
import type { Construct } from "constructs";
import { type Attributes, defined } from "../attributes.js";
import { CloudProvider } from "../cloud-provider.js";

/** The `assume_role` block: a role of another account, the usual way to reach a second account. */
export interface TencentcloudProviderAssumeRole {
  readonly roleArn: string;
  readonly sessionName: string;
  /** Seconds. */
  readonly sessionDuration: number;
  /** @default none */
  readonly externalId?: string;
  /** @default none */
  readonly policy?: string;
}

export interface TencentcloudProviderConfig {
  /** @default TENCENTCLOUD_REGION from the environment */
  readonly region?: string;
  /** Distinguishes a second provider block (another account or region). @default none (the default block) */
  readonly alias?: string;
  /** @default TENCENTCLOUD_SECRET_ID */
  readonly secretId?: string;
  /** @default TENCENTCLOUD_SECRET_KEY */
  readonly secretKey?: string;
  /** @default TENCENTCLOUD_SECURITY_TOKEN */
  readonly securityToken?: string;
  /** A profile of the tccli credentials file. @default none */
  readonly profile?: string;
  /** @default none */
  readonly assumeRole?: TencentcloudProviderAssumeRole;
}

export class TencentcloudProvider extends CloudProvider<TencentcloudProviderConfig> {
  static readonly tfResourceType = "tencentcloud";

  constructor(scope: Construct, id: string, config: TencentcloudProviderConfig = {}) {
    super(scope, id, "tencentcloud", config);
  }

  protected providerArguments(): Attributes {
    const role = this.config.assumeRole;
    return {
      region: this.config.region,
      secret_id: this.config.secretId,
      secret_key: this.config.secretKey,
      security_token: this.config.securityToken,
      profile: this.config.profile,
      assume_role: role
        ? defined({
            role_arn: role.roleArn,
            session_name: role.sessionName,
            session_duration: role.sessionDuration,
            external_id: role.externalId,
            policy: role.policy,
          })
        : undefined,
    };
  }
}
