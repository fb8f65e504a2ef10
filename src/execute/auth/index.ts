export { TokenManager, type TokenManagerOptions } from "./token-manager";
export { TokenError } from "./token-error";
export { withAuth, type AuthLayerContext } from "./with-auth";
export { jwtExpiry, refreshAt } from "./token-lifetime";
