/** Thrown inside a rule to abandon the change; applyAction turns it into `{ ok: false, error }`. */
export class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function reject(code: string, message: string): never {
  throw new Rejection(code, message);
}
