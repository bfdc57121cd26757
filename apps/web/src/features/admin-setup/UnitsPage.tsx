import { ComingSoon } from '../admin/ComingSoon';

export default function Page() {
  return <ComingSoon />;
}
