// The token inspector's public face: what the bridge and the service wire in.
export type * from './types';
export { extractTokens, MAX_PASTE_CHARS } from './extract';
export { decodeToken, MAX_TOKEN_CHARS } from './decode';
export { inspectToken, DECODING_IS_NOT_VERIFICATION, UNSIGNED_WARNING } from './inspect';
export { SignatureVerifier } from './verify';
export { CONNECTION_CLAIM } from './catalogue';
