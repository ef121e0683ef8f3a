/**
 * The clouds' own Terraform providers peerlink writes configuration for: the CDKTF constructs (constructs/), and
 * `peerlink discover --format terraform-import`. Every construct wrapper's arguments were read from the provider's
 * own Go schema at the commit cited in its file, and each import id from the provider's documentation
 * (provider/backends/discover/terraform-import.ts); the constraint allows later 1.x releases of the same provider.
 */
export const PROVIDER_SOURCES = {
  tencentcloud: {
    source: "tencentcloudstack/tencentcloud",
    // v1.83.25 = commit f6970a90038400958503a0edab62c6c463baa7b0 of tencentcloudstack/terraform-provider-tencentcloud.
    version: "~> 1.83",
    verifiedAt: "v1.83.25",
  },
  huaweicloud: {
    source: "huaweicloud/huaweicloud",
    // Checked at commit a0345b8dcc818aa80d932ec0802891222b0a22af (v1.97.1-21, the three resources unchanged since v1.97.1).
    version: "~> 1.97",
    verifiedAt: "v1.97.1",
  },
  baiducloud: {
    source: "baidubce/baiducloud",
    // v1.23.5 = commit 3bb5b82ffda6c33a8b8b8b965eea844a61b1a386 of baidubce/terraform-provider-baiducloud.
    version: "~> 1.23",
    verifiedAt: "v1.23.5",
  },
} as const;
