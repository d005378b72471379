/** An unsigned JWT-shaped token with the given claims, for tests that only decode. */
export function fakeJwt(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'PS256', typ: 'at+jwt', kid: 'test' },
): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part(header)}.${part(claims)}.${Buffer.from('signature-bytes-for-tests').toString('base64url')}`;
}
