/** The app's mark: two linked rings, drawn inline so the CSP needs no image source. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="logo-bg" />
      <circle cx="12.5" cy="16" r="5.5" className="logo-ring" />
      <circle cx="19.5" cy="16" r="5.5" className="logo-ring" />
    </svg>
  );
}
