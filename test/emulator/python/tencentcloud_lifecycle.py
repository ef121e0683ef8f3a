"""A cross-account, cross-region peering lifecycle through tencentcloud-sdk-python-vpc's VpcClient against the
emulator. PEERLINK_TENCENT_REQ_METHOD (POST or GET) and PEERLINK_TENCENT_SIGN_METHOD (TC3-HMAC-SHA256, HmacSHA256
or HmacSHA1) choose how the SDK sends each request (HttpProfile.reqMethod, ClientProfile.signMethod)."""
import os

from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.vpc.v20170312 import models, vpc_client

from lifecycle_support import account, emit, endpoint, refused

REQ_METHOD = os.environ.get("PEERLINK_TENCENT_REQ_METHOD", "POST")
SIGN_METHOD = os.environ.get("PEERLINK_TENCENT_SIGN_METHOD", "TC3-HMAC-SHA256")
A, B = account("A"), account("B")


def client(who, region, secret_key=None):
    http = HttpProfile(protocol="http", endpoint=endpoint(), reqMethod=REQ_METHOD, reqTimeout=10)
    profile = ClientProfile(signMethod=SIGN_METHOD, httpProfile=http)
    return vpc_client.VpcClient(credential.Credential(who["ak"], secret_key or who["sk"]), region, profile)


def request(model, **fields):
    req = model()
    req._deserialize(fields)
    return req


def code_of(error):
    return error.get_code() if isinstance(error, TencentCloudSDKException) else repr(error)


def peering(c, pcx):
    found = c.DescribeVpcPeeringConnections(
        request(models.DescribeVpcPeeringConnectionsRequest, PeeringConnectionIds=[pcx])
    )
    return found.PeerConnectionSet[0] if found.TotalCount else None


alice = client(A, "ap-guangzhou")
bob = client(B, "ap-beijing")
emit("mode", reqMethod=REQ_METHOD, signMethod=SIGN_METHOD)

vpc_a = alice.CreateVpc(request(models.CreateVpcRequest, VpcName="alice-gz", CidrBlock="10.10.0.0/16")).Vpc
vpc_b = bob.CreateVpc(request(models.CreateVpcRequest, VpcName="bob-bj", CidrBlock="10.20.0.0/16")).Vpc
emit("vpcs", a=vpc_a.VpcId, b=vpc_b.VpcId, cidrA=vpc_a.CidrBlock, cidrB=vpc_b.CidrBlock)

pcx = alice.CreateVpcPeeringConnection(
    request(
        models.CreateVpcPeeringConnectionRequest,
        SourceVpcId=vpc_a.VpcId,
        PeeringConnectionName="gz-bj",
        DestinationVpcId=vpc_b.VpcId,
        DestinationUin=B["id"],
        DestinationRegion="ap-beijing",
        Bandwidth=100,
        ChargeType="POSTPAID_BY_DAY_MAX",
        Type="VPC_PEER",
    )
).PeeringConnectionId
seen = peering(bob, pcx)
emit("created", id=pcx, state=seen.State, name=seen.PeeringConnectionName, bandwidth=seen.Bandwidth,
     sourceUin=seen.SourceUin, destinationUin=seen.DestinationUin)

bob.AcceptVpcPeeringConnection(request(models.AcceptVpcPeeringConnectionRequest, PeeringConnectionId=pcx))
emit("accepted", state=peering(alice, pcx).State)

alice.ModifyVpcPeeringConnection(
    request(models.ModifyVpcPeeringConnectionRequest, PeeringConnectionId=pcx,
            PeeringConnectionName="gz-bj-renamed", Bandwidth=200)
)
seen = peering(alice, pcx)
emit("modified", name=seen.PeeringConnectionName, bandwidth=seen.Bandwidth)

tables = alice.DescribeRouteTables(
    request(models.DescribeRouteTablesRequest, Filters=[{"Name": "vpc-id", "Values": [vpc_a.VpcId]}])
)
table = tables.RouteTableSet[0].RouteTableId
added = alice.CreateRoutes(
    request(models.CreateRoutesRequest, RouteTableId=table, Routes=[
        {"DestinationCidrBlock": "10.20.1.0/24", "GatewayType": "PEERCONNECTION", "GatewayId": pcx,
         "RouteDescription": "to bob"},
    ])
)
route = added.RouteTableSet[0].RouteSet[0]
emit("route", count=added.TotalCount, destination=route.DestinationCidrBlock, gatewayId=route.GatewayId,
     gatewayType=route.GatewayType)

refused("refused-duplicate", lambda: alice.CreateVpcPeeringConnection(
    request(models.CreateVpcPeeringConnectionRequest, SourceVpcId=vpc_a.VpcId, PeeringConnectionName="again",
            DestinationVpcId=vpc_b.VpcId, DestinationUin=B["id"], DestinationRegion="ap-beijing",
            Bandwidth=100, Type="VPC_PEER")
), code_of)
refused("refused-bad-signature", lambda: client(A, "ap-guangzhou", secret_key="not-the-key").DescribeVpcs(
    request(models.DescribeVpcsRequest)
), code_of)

# By its numeric RouteId: over GET and v1 it travels as text (Routes.0.RouteId=1).
alice.DeleteRoutes(request(models.DeleteRoutesRequest, RouteTableId=table, Routes=[{"RouteId": route.RouteId}]))
left = alice.DescribeRouteTables(request(models.DescribeRouteTablesRequest, RouteTableIds=[table]))
emit("route-deleted", routes=len(left.RouteTableSet[0].RouteSet))

alice.DeleteVpcPeeringConnection(request(models.DeleteVpcPeeringConnectionRequest, PeeringConnectionId=pcx))
after = peering(alice, pcx)
emit("deleted", state=after.State if after else None)

alice.DeleteVpc(request(models.DeleteVpcRequest, VpcId=vpc_a.VpcId))
bob.DeleteVpc(request(models.DeleteVpcRequest, VpcId=vpc_b.VpcId))
emit("done")
