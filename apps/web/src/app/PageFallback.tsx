import { Skeleton } from 'antd';

/** Shown while a page's code chunk downloads (slow mobile networks). */
export function PageFallback() {
  return (
    <div className="ls-page" aria-busy="true">
      <Skeleton active paragraph={{ rows: 6 }} />
    </div>
  );
}
