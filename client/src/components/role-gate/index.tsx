import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { Role } from '@shared/domain/roles';
import { getSession } from '../../services/session';
import PageShell from '../page-shell';

/** Pages of one role: anyone else is told, courteously, who can help. */
export default function RoleGate({ roles, who, children }: PropsWithChildren<{ roles: readonly Role[]; who: string }>) {
  const role = getSession()?.user.role;
  if (!role || !roles.includes(role)) {
    return (
      <PageShell>
        <View className="card">对不起,此页面仅供{who}使用;如需帮助,请联系中心管理员。</View>
      </PageShell>
    );
  }
  return <>{children}</>;
}
