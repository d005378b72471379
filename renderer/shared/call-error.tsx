/** Main's messages are plain sentences; should anything else slip through, only its first line is shown. */
const plainWords = (message: string) => message.split(/\n\s*at\s/)[0]!.trim();

/**
 * A failed call, in the plain words main gave it (never a stack), announced to screen readers;
 * nothing when there is no error. `compact` sits inline, beside the button that failed.
 */
export function CallError({
  error,
  compact = false,
}: {
  error: { readonly message: string } | null | undefined;
  compact?: boolean;
}) {
  if (!error) return null;
  if (compact)
    return (
      <span className="call-error compact" role="alert">
        {plainWords(error.message)}
      </span>
    );
  return (
    <p className="form-error" role="alert">
      {plainWords(error.message)}
    </p>
  );
}
