/** The HTTP methods a request of the collection, the operation map or an inline step may use. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** Whether a string is one of HTTP_METHODS (upper case, as the collection and operations.json write them). */
export function isHttpMethod(value: string): boolean {
  return (HTTP_METHODS as readonly string[]).includes(value.toUpperCase());
}
