// Types for the parts of @doyensec/csp-evaluator (Google's CSP Evaluator, as electronegativity uses it) the tests call.
declare module '@doyensec/csp-evaluator' {
  /** One problem the evaluator found in a policy. */
  export interface Finding {
    type: number;
    description: string;
    severity: number;
    directive: string;
    value?: string;
  }
  /** Severity levels: lower is worse (HIGH 10 … NONE 100). */
  export const severities: {
    HIGH: number;
    SYNTAX: number;
    MEDIUM: number;
    HIGH_MAYBE: number;
    STRICT_CSP: number;
    MEDIUM_MAYBE: number;
    INFO: number;
    NONE: number;
  };
  /** CSP versions the evaluator knows. */
  export const Version: { CSP1: number; CSP2: number; CSP3: number };
  /** Parses a policy string. */
  export class CspParser {
    constructor(policy: string);
    csp: unknown;
  }
  /** Runs the security checks on a parsed policy. */
  export class CspEvaluator {
    constructor(csp: unknown, version: number);
    evaluate(): Finding[];
  }
  const csp: {
    severities: typeof severities;
    Version: typeof Version;
    CspParser: typeof CspParser;
    CspEvaluator: typeof CspEvaluator;
  };
  export default csp;
}
