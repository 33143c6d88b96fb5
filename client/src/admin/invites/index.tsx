import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { AtButton } from 'taro-ui';
import { shanghaiDate, shanghaiTime } from '@shared/domain/time';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { dateLabel } from '../../services/format';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';

interface Issued {
  code: string;
  expiresAt: string;
  scene: string;
}

/**
 * The admin gives a staff member an 8-digit invite code (valid 7 days, single use) to bind their
 * WeChat: 我的 → 工作人员绑定, or a mini-program code for pages/index/index with scene i=<code>
 * (issue 7). Staff roles come only this way, never from the app alone.
 */
function Invites() {
  const res = useLoad(() => api.cases.staff({}), 'staff');
  const [issued, setIssued] = useState<Record<string, Issued>>({});
  const { message, busy, run } = useAction();

  const issue = (userId: string) =>
    run(async () => {
      const r = await api.account.issueInvite({ userId });
      setIssued((m) => ({ ...m, [userId]: r }));
    });

  return (
    <PageShell>
      <View className="card muted">
        请为需要使用小程序办公的工作人员发放邀请码。邀请码为8位数字,7天内有效,只能使用一次;重新发放后,之前的邀请码即失效。
      </View>
      {message && <View className="card error">{message}</View>}
      <StateView loading={res.loading} error={res.error} onRetry={res.reload} empty={res.data?.staff.length === 0 ? '本中心还没有登记窗口工作人员。' : null} />
      {res.data && res.data.staff.length > 0 && (
        <Section title="窗口工作人员">
          {res.data.staff.map((s) => {
            const got = issued[s.id];
            const at = got ? new Date(got.expiresAt) : null;
            return (
              <View key={s.id} className="invite-row">
                <View className="row">
                  <View>
                    <View className="item-row__name">{s.name}</View>
                    <Text className="muted">{s.windowName || '未分配窗口'}</Text>
                  </View>
                  <AtButton type="secondary" size="small" disabled={busy} onClick={() => void issue(s.id)}>
                    {got ? '重新发放' : '发放邀请码'}
                  </AtButton>
                </View>
                {got && at && (
                  <View className="card invite-code">
                    <View className="muted">{s.name}的邀请码</View>
                    <View className="hero booking-number">{got.code}</View>
                    <View className="muted">
                      有效期至 {dateLabel(shanghaiDate(at))} {shanghaiTime(at)}
                    </View>
                    <View className="para">绑定方法(二选一):</View>
                    <View className="para">1. 请{s.name}在微信中打开本小程序,进入“我的 → 工作人员绑定”,输入上面的8位邀请码。</View>
                    <View className="para">
                      2. 在微信公众平台(小程序管理后台)为页面 pages/index/index 生成小程序码,参数填 {got.scene}(即 scene 为 {got.scene},或页面路径 pages/index/index?{got.scene});{s.name}用微信扫码即自动绑定。
                    </View>
                  </View>
                )}
              </View>
            );
          })}
        </Section>
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <Invites />
    </RoleGate>
  );
}
