import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { addDays } from '@shared/domain/time';
import AuthGrant, { type Grant } from '../../components/auth-grant';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import { api } from '../../services/api';
import { useAction } from '../../services/use-action';
import { TapButton } from '../../components/tap';
import { useTodayDefault } from '../../services/clock';

/** Record a new or renewed authorisation of a registered resident. */
function Authorize() {
  const { params } = useRouter();
  const residentId = decodeURIComponent(params.residentId ?? '');
  const name = decodeURIComponent(params.name ?? '');
  const onWechat = params.wechat === '1';
  const [grant, setGrant] = useTodayDefault<Grant>((today) => ({ method: 'paper', givenOn: today, validUntil: addDays(today, 364) }));
  const { message, errs, run } = useAction();

  const save = async () => {
    if (await run(() => api.residents.authorize({ residentId, authorization: grant }))) {
      Taro.showToast({ title: '授权已登记', icon: 'success' });
      setTimeout(() => Taro.navigateBack(), 600);
    }
  };

  return (
    <PageShell>
      <Section title={`${name}的代办授权`}>
        <View className="muted">请确认已取得本人的授权:签字授权书请妥善留存备查。</View>
        <AuthGrant value={grant} onChange={setGrant} errs={errs} inApp={onWechat} />
      </Section>
      {message && <View className="card error">{message}</View>}
      <TapButton type="primary" onTap={() => void save()}>
        登记授权
      </TapButton>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['agent']} who="村代办员">
      <Authorize />
    </RoleGate>
  );
}
