"""A cross-account peer connection lifecycle through bce-python-sdk (VpcClient, PeerConnClient, RouteClient; the
BCE v1 signer) against the emulator: VPCs, a peer connection consulting, accepted by the acceptor, renamed
(update_peerconn: PUT ?clientToken with no action flag), resized, a route rule through it, overlapping CIDRs
refused, released."""
from baidubce.auth.bce_credentials import BceCredentials
from baidubce.bce_client_configuration import BceClientConfiguration
from baidubce.exception import BceHttpClientError, BceServerError
from baidubce.retry.retry_policy import NoRetryPolicy
from baidubce.services.route.route_client import RouteClient
from baidubce.services.vpc.peerconn_client import PeerConnClient
from baidubce.services.vpc.peerconn_model import Billing
from baidubce.services.vpc.vpc_client import VpcClient

from lifecycle_support import account, emit, endpoint, refused

A, B = account("A"), account("B")
REGION = "bj"


def config(who, secret_key=None):
    return BceClientConfiguration(
        credentials=BceCredentials(who["ak"], secret_key or who["sk"]),
        endpoint="http://" + endpoint(),
        retry_policy=NoRetryPolicy(),
    )


def clients(who, secret_key=None):
    c = config(who, secret_key)
    return VpcClient(c), PeerConnClient(c), RouteClient(c)


def code_of(error):
    """The SDK raises BceHttpClientError around the service's BceServerError, whose `code` is Baidu's."""
    if isinstance(error, BceHttpClientError) and isinstance(error.last_error, BceServerError):
        error = error.last_error
    if isinstance(error, BceServerError):
        return "%s %s" % (error.status_code, error.code)
    return repr(error)


def conn(peerconn, conn_id):
    return peerconn.get_peerconn(conn_id)


vpc_a_client, peer_a, route_a = clients(A)
vpc_b_client, peer_b, _ = clients(B)

vpc_a = vpc_a_client.create_vpc("alice-app", "10.10.0.0/16").vpc_id
vpc_b = vpc_b_client.create_vpc("bob-db", "10.20.0.0/16").vpc_id
shown = vpc_a_client.get_vpc(vpc_a).vpc
emit("vpcs", a=vpc_a, b=vpc_b, cidrA=shown.cidr, name=shown.name)

conn_id = peer_a.create_peerconn(
    10, vpc_a, vpc_b, REGION, billing=Billing("Postpaid"), peer_account_id=B["id"], local_if_name="app-db",
    description="created by the python sdk",
).peer_conn_id
seen = conn(peer_b, conn_id)
emit("created", id=conn_id, status=seen.status, role=seen.role, bandwidth=seen.bandwidth_in_mbps,
     localVpcId=seen.local_vpc_id, peerVpcId=seen.peer_vpc_id, peerAccountId=seen.peer_account_id)

peer_b.handle_peerconn(conn_id, "accept")
emit("accepted", status=conn(peer_a, conn_id).status)

detail = conn(peer_a, conn_id)
peer_a.update_peerconn(conn_id, detail.local_if_id, description="renamed", local_if_name="app-db-renamed")
peer_a.resize_peerconn(conn_id, 20)
detail = conn(peer_a, conn_id)
listed = peer_a.list_peerconns(vpc_a).peer_conns
emit("modified", name=detail.local_if_name, description=detail.description, bandwidth=detail.bandwidth_in_mbps,
     listedBandwidth=[p.bandwidth_in_mbps for p in listed])

table = route_a.get_route(vpc_id=vpc_a).route_table_id
rule = route_a.create_route(table, "0.0.0.0/0", "10.20.1.0/24", next_hop_type="peerConn", next_hop_id=conn_id,
                            description="to bob").route_rule_id
rules = route_a.get_route(route_table_id=table).route_rules
emit("route", destinations=[r.destination_address for r in rules], nexthops=[r.nexthop_id for r in rules],
     types=[r.nexthop_type for r in rules])

overlapping = vpc_a_client.create_vpc("alice-overlap", "10.20.0.0/16").vpc_id
refused("refused-overlap", lambda: peer_a.create_peerconn(
    10, overlapping, vpc_b, REGION, billing=Billing("Postpaid"), peer_account_id=B["id"]), code_of)
refused("refused-bad-signature",
        lambda: clients(A, secret_key="not-the-key")[0].get_vpc(vpc_a), code_of)

route_a.delete_route(rule)
emit("route-deleted", routes=len(route_a.get_route(route_table_id=table).route_rules))

peer_a.delete_peerconn(conn_id)
try:
    after = conn(peer_a, conn_id).status
except BceHttpClientError as error:
    after = code_of(error)
emit("deleted", status=after)

vpc_a_client.delete_vpc(overlapping)
vpc_a_client.delete_vpc(vpc_a)
vpc_b_client.delete_vpc(vpc_b)
emit("done")
