import { isIP } from "node:net";

/** Where a server listens. */
export interface ListenAddress {
  host: string;
  port: number;
}

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** `HOST:PORT`, `[IPv6]:PORT`; port 0 means a free port. */
export function parseListenAddress(text: string): { address: ListenAddress } | { problem: string } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(text.trim()) ?? /^([^:[\]]+):(\d+)$/.exec(text.trim());
  if (!m) return { problem: "not HOST:PORT" };
  const host = m[1] as string;
  const port = Number(m[2]);
  if (!(isIP(host) || HOST_NAME.test(host))) return { problem: `"${host}" is not a host name or an IP address` };
  if (port > 65535) return { problem: `${port} is not a port number (0 to 65535)` };
  return { address: { host, port } };
}
