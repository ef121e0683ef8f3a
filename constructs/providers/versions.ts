/** The providers the wrappers were written against: one table in core, shared with discover's Terraform import. */
export { PROVIDER_SOURCES } from "../../provider/core/terraform-providers.js";
