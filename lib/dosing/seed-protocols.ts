// The seed constants live next to the schema (lib/validations/dosing.ts) so they are
// parsed by it at import time without a circular import; re-exported here for dosing code.
export { NCT06419439_DOSING, NCT06668571_DOSING } from '@/lib/validations/dosing';
