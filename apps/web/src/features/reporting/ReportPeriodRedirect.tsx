import { Navigate, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Skeleton } from 'antd';
import { PeriodQuarterDocument } from '../../graphql/generated';
import { LoadError } from '../../shared/LoadError';

/**
 * `/report/:periodId`, the address of a policy's period before one form covered the quarter (links
 * in notices and bookmarks): goes on to that quarter's form; to 我的填报 when the unit has nothing in it.
 */
export default function ReportPeriodRedirect() {
  const { periodId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PeriodQuarterDocument, { variables: { periodId } });
  if (loading && !data) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error && !data) return <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  const label = data?.reportTasks[0]?.period.label;
  return <Navigate replace to={label ? `/report/q/${label}` : '/tasks'} />;
}
