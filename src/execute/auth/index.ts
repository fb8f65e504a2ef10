export { TokenManager } from "./token-manager";
export { TokenError } from "./token-error";
export { withAuth } from "./with-auth";
