// VPC peering as code for Tencent Cloud, Huawei Cloud and Baidu AI Cloud: plan-time validation, DR topologies.
package peerlink
