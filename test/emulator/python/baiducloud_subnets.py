"""Subnets through bce-python-sdk's SubnetClient (baidubce/services/subnet/subnet_client.py; the BCE v1 signer)
against the emulator: a plain and a dual-stack subnet created (create_subnet: POST /v1/subnet?clientToken), read
(get_subnet), listed by VPC (list_subnets), the same client token answering the first subnet, a block outside the
VPC refused, a VPC holding a subnet not deleted, and the subnets deleted (delete_subnet)."""
from baidubce.auth.bce_credentials import BceCredentials
from baidubce.bce_client_configuration import BceClientConfiguration
from baidubce.exception import BceHttpClientError, BceServerError
from baidubce.retry.retry_policy import NoRetryPolicy
from baidubce.services.subnet.subnet_client import SubnetClient
from baidubce.services.vpc.vpc_client import VpcClient

from lifecycle_support import account, emit, endpoint, refused

A = account("A")
ZONE = "cn-bj-a"


def code_of(error):
    """The SDK raises BceHttpClientError around the service's BceServerError, whose `code` is Baidu's."""
    if isinstance(error, BceHttpClientError) and isinstance(error.last_error, BceServerError):
        error = error.last_error
    if isinstance(error, BceServerError):
        return "%s %s" % (error.status_code, error.code)
    return repr(error)


config = BceClientConfiguration(
    credentials=BceCredentials(A["ak"], A["sk"]),
    endpoint="http://" + endpoint(),
    retry_policy=NoRetryPolicy(),
)
vpcs, subnets = VpcClient(config), SubnetClient(config)

vpc_id = vpcs.create_vpc("alice-app", "10.10.0.0/16").vpc_id
plain = subnets.create_subnet("web", ZONE, "10.10.1.0/24", vpc_id, description="front",
                              client_token="sdk-subnet-1").subnet_id
again = subnets.create_subnet("web", ZONE, "10.10.1.0/24", vpc_id, description="front",
                              client_token="sdk-subnet-1").subnet_id
dual = subnets.create_subnet("db", ZONE, "10.10.2.0/24", vpc_id, enable_ipv6=True).subnet_id
shown = subnets.get_subnet(plain).subnet
shown_dual = subnets.get_subnet(dual).subnet
emit("created", id=plain, again=again, name=shown.name, cidr=shown.cidr, zone=shown.zone_name,
     vpcId=shown.vpc_id, description=shown.description, ipv6Cidr=shown.ipv6_cidr, type=shown.subnet_type,
     dualIpv6Cidr=shown_dual.ipv6_cidr)

listed = subnets.list_subnets(vpc_id=vpc_id)
emit("listed", ids=[s.subnet_id for s in listed.subnets], truncated=listed.is_truncated)
first_page = subnets.list_subnets(vpc_id=vpc_id, max_keys=1)
emit("paged", ids=[s.subnet_id for s in first_page.subnets], truncated=first_page.is_truncated,
     nextMarker=first_page.next_marker)

refused("refused-outside", lambda: subnets.create_subnet("x", ZONE, "10.99.0.0/24", vpc_id), code_of)
refused("refused-vpc-in-use", lambda: vpcs.delete_vpc(vpc_id), code_of)

subnets.delete_subnet(plain)
subnets.delete_subnet(dual)
try:
    after = subnets.get_subnet(plain).subnet.subnet_id
except BceHttpClientError as error:
    after = code_of(error)
emit("deleted", after=after, left=len(subnets.list_subnets(vpc_id=vpc_id).subnets))

vpcs.delete_vpc(vpc_id)
emit("done")
