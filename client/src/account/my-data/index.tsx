import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { clearCenterId, clearSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import './index.scss';
import { TapButton } from '../../components/tap';

/**
 * 我的数据与注销 (PIPL, issue 7): what the center holds about the person, by category, what
 * erasing the account does with each, and the erase itself — refused, with the reasons and the
 * next step, while bookings, visits or cases are open.
 */
function MyData() {
  const res = useLoad(() => api.account.myData({}), 'my-data');
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState(false);
  const { message, busy, run } = useAction();

  const erase = async () => {
    const ok = await run(() => api.account.eraseMe({ confirm: true }));
    setConfirming(false);
    if (!ok) return;
    clearSession();
    clearCenterId();
    setErased(true);
  };

  if (erased) {
    return (
      <PageShell>
        <View className="card">
          <View className="title">您的账号已注销</View>
          <View className="para">您的个人信息已删除,微信已解除绑定;中心依规保留的服务记录不再与您关联。谢谢您的使用,再见!</View>
          <TapButton type="primary" onTap={() => Taro.reLaunch({ url: process.env.TARO_ENV === 'h5' ? '/pages/login/index' : '/pages/index/index' })}>
            返回首页
          </TapButton>
        </View>
      </PageShell>
    );
  }

  const data = res.data;
  return (
    <PageShell>
      <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      {data && (
        <Section title="中心保存的您的信息">
          <View className="muted para">
            {data.user.name} · {data.wechatBound ? '已绑定微信' : '未绑定微信'}
          </View>
          {data.categories.map((c) => (
            <View key={c.key} className="row held-row">
              <View>
                <View className="item-row__name">{c.label}</View>
                <Text className="muted">注销后:{c.onErase}</Text>
              </View>
              <Text className="tag">{c.count}条</Text>
            </View>
          ))}
        </Section>
      )}
      {data && (
        <Section title="注销账号">
          <View className="para">注销后,您的姓名等个人信息将被删除,微信与本账号解除绑定,站内消息和微信提醒订阅一并删除;办件等服务记录按规定作为档案保留,但不再与您关联。注销后无法恢复。</View>
          {data.eraseBlockedBy.length > 0 ? (
            <View className="erase-blocked">
              <View className="item-row__name">对不起,现在还不能注销:</View>
              {data.eraseBlockedBy.map((r) => (
                <View key={r} className="error para">
                  {r}
                </View>
              ))}
            </View>
          ) : (
            <TapButton className="erase-button" onTap={() => setConfirming(true)}>
              注销账号
            </TapButton>
          )}
          {message && <View className="error para">{message}</View>}
        </Section>
      )}
      {confirming && (
        <View className="erase-dialog" role="dialog" aria-label="确定注销账号">
          <View className="erase-dialog__box">
            <View className="erase-dialog__title">确定注销账号吗?</View>
            <View className="para">注销后您的个人信息将被删除,微信解除绑定,且无法恢复。如以后还需办事,可重新进入小程序。</View>
            <TapButton className="erase-button" loading={busy} onTap={() => void erase()}>
              确定注销账号
            </TapButton>
            <TapButton onTap={() => setConfirming(false)}>
              再想想
            </TapButton>
          </View>
        </View>
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['villager', 'agent', 'staff', 'office', 'leader', 'admin']} who="已登录的用户">
      <MyData />
    </RoleGate>
  );
}
