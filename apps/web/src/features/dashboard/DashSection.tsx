import type { ReactNode } from 'react';

/** A titled block of the dashboard and its county and measure pages. */
export function DashSection({
  title,
  extra,
  children,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="ls-dash-section" data-testid={testId}>
      <div className="ls-dash-section-head">
        <h2 className="ls-dash-section-title">{title}</h2>
        {extra}
      </div>
      {children}
    </section>
  );
}
