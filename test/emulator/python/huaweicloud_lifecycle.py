"""A cross-tenant peering lifecycle through huaweicloudsdkvpc's v2 VpcClient (AK/SK signing by huaweicloudsdkcore)
against the emulator: VPCs, a peering PENDING_ACCEPTANCE, accepted by the peer tenant, renamed, a route through it,
a duplicate refused, deleted."""
import json

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkvpc.v2 import (
    AcceptVpcPeeringRequest, CreateVpcOption, CreateVpcPeeringOption, CreateVpcPeeringRequest,
    CreateVpcPeeringRequestBody, CreateVpcRequest, CreateVpcRequestBody, CreateVpcRouteOption,
    CreateVpcRouteRequest, CreateVpcRouteRequestBody, DeleteVpcPeeringRequest, DeleteVpcRequest,
    DeleteVpcRouteRequest, ListVpcRoutesRequest, ShowVpcPeeringRequest, UpdateVpcPeeringOption,
    UpdateVpcPeeringRequest, UpdateVpcPeeringRequestBody, VpcClient, VpcInfo,
)

from lifecycle_support import account, emit, endpoint, refused

A, B = account("A"), account("B")


def client(who, secret_key=None):
    credentials = BasicCredentials(who["ak"], secret_key or who["sk"], who["id"])
    return VpcClient.new_builder().with_credentials(credentials).with_endpoints(["http://" + endpoint()]).build()


def code_of(error):
    """The v1 APIs answer {"code"} (the SDK's error_code); the v2.0 ones {"NeutronError": {"type"}}, which the SDK
    leaves in error_msg with the HTTP status as error_code."""
    if not isinstance(error, ClientRequestException):
        return repr(error)
    try:
        body = json.loads(error.error_msg)
    except (TypeError, ValueError):
        body = None
    if isinstance(body, dict) and "NeutronError" in body:
        return "%s %s" % (error.status_code, body["NeutronError"]["type"])
    return "%s %s" % (error.status_code, error.error_code)


def create_vpc(c, name, cidr):
    body = CreateVpcRequestBody(vpc=CreateVpcOption(name=name, cidr=cidr))
    return c.create_vpc(CreateVpcRequest(body=body)).vpc


def peering_request(name, vpc, peer_vpc, peer_tenant):
    option = CreateVpcPeeringOption(
        name=name, request_vpc_info=VpcInfo(vpc_id=vpc), accept_vpc_info=VpcInfo(vpc_id=peer_vpc, tenant_id=peer_tenant)
    )
    return CreateVpcPeeringRequest(body=CreateVpcPeeringRequestBody(peering=option))


alice, bob = client(A), client(B)
vpc_a = create_vpc(alice, "alice-app", "10.10.0.0/16")
vpc_b = create_vpc(bob, "bob-db", "10.20.0.0/16")
emit("vpcs", a=vpc_a.id, b=vpc_b.id, cidrA=vpc_a.cidr, cidrB=vpc_b.cidr, status=vpc_a.status)

created = alice.create_vpc_peering(peering_request("app-db", vpc_a.id, vpc_b.id, B["id"])).peering
seen = bob.show_vpc_peering(ShowVpcPeeringRequest(peering_id=created.id)).peering
emit("created", id=created.id, status=seen.status, name=seen.name,
     requestTenant=seen.request_vpc_info.tenant_id, acceptTenant=seen.accept_vpc_info.tenant_id)

accepted = bob.accept_vpc_peering(AcceptVpcPeeringRequest(peering_id=created.id))
emit("accepted", status=accepted.status,
     seenByA=alice.show_vpc_peering(ShowVpcPeeringRequest(peering_id=created.id)).peering.status)

renamed = alice.update_vpc_peering(UpdateVpcPeeringRequest(
    peering_id=created.id,
    body=UpdateVpcPeeringRequestBody(peering=UpdateVpcPeeringOption(name="app-db-renamed", description="renamed")),
)).peering
emit("modified", name=renamed.name, description=renamed.description)

route = alice.create_vpc_route(CreateVpcRouteRequest(body=CreateVpcRouteRequestBody(route=CreateVpcRouteOption(
    destination="10.20.1.0/24", nexthop=created.id, type="peering", vpc_id=vpc_a.id,
)))).route
listed = alice.list_vpc_routes(ListVpcRoutesRequest(vpc_id=vpc_a.id)).routes
emit("route", destination=route.destination, nexthop=route.nexthop, type=route.type,
     listed=[r.destination for r in listed])

refused("refused-duplicate",
        lambda: alice.create_vpc_peering(peering_request("again", vpc_a.id, vpc_b.id, B["id"])), code_of)
refused("refused-bad-signature", lambda: client(A, secret_key="not-the-key").show_vpc_peering(
    ShowVpcPeeringRequest(peering_id=created.id)), code_of)

alice.delete_vpc_route(DeleteVpcRouteRequest(route_id=route.id))
emit("route-deleted", routes=len(alice.list_vpc_routes(ListVpcRoutesRequest(vpc_id=vpc_a.id)).routes))

alice.delete_vpc_peering(DeleteVpcPeeringRequest(peering_id=created.id))
# Huawei removes a deleted peering at once (peerlink's rulebook, Huawei user guide): it is not found any more.
try:
    alice.show_vpc_peering(ShowVpcPeeringRequest(peering_id=created.id))
    emit("deleted", found=True)
except ClientRequestException as error:
    emit("deleted", found=False, status=error.status_code)

alice.delete_vpc(DeleteVpcRequest(vpc_id=vpc_a.id))
bob.delete_vpc(DeleteVpcRequest(vpc_id=vpc_b.id))
emit("done")
