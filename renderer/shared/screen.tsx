import { useId, type ReactNode } from 'react';

/** Every screen's frame: a region named by its heading, with the lead sentence under it. */
export function Screen({
  title,
  lead,
  className,
  children,
}: {
  title: string;
  lead: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className={className ? `screen ${className}` : 'screen'} aria-labelledby={titleId}>
      <header className="screen-header">
        <h1 id={titleId}>{title}</h1>
        <p className="lead">{lead}</p>
      </header>
      {children}
    </section>
  );
}
