// A request id travels into logs and the audit trail and is echoed back in a
// response header, so one from outside is kept only when it is a short token.
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function acceptRequestId(inbound: string | null): string {
  return inbound !== null && REQUEST_ID.test(inbound) ? inbound : crypto.randomUUID();
}
