import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { addDays } from '@shared/domain/time';
import AuthGrant, { type Grant } from '../../components/auth-grant';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import { api } from '../../services/api';
import { useAction } from '../../services/use-action';
import { TapButton } from '../../components/tap';
import LabelledInput from '../../components/labelled-input';
import { useTodayDefault } from '../../services/clock';

/** An agent registers a resident of their village, with the authorisation the resident gave. */
function NewResident() {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [grant, setGrant] = useTodayDefault<Grant>((today) => ({ method: 'paper', givenOn: today, validUntil: addDays(today, 364) }));
  const { message, busy, errs, run } = useAction();

  const save = async () => {
    if (await run(() => api.residents.register({ name, phone, idNumber, authorization: grant }))) {
      Taro.showToast({ title: '登记成功', icon: 'success' });
      setTimeout(() => Taro.navigateBack(), 600);
    }
  };

  return (
    <PageShell>
      <Section title="群众信息">
        <Field label="姓名" errors={errs('name')}>
          <LabelledInput label="姓名" value={name} placeholder="请填写真实姓名" onInput={(e) => setName(e.detail.value)} />
        </Field>
        <Field label="手机号" hint="本人没有手机的,可填写家属的手机号" errors={errs('phone')}>
          <LabelledInput label="手机号" type="number" maxlength={11} value={phone} placeholder="11位手机号" onInput={(e) => setPhone(e.detail.value)} />
        </Field>
        <Field label="身份证号码" errors={errs('idNumber')}>
          <LabelledInput label="身份证号码" type="idcard" maxlength={18} value={idNumber} placeholder="18位身份证号码" onInput={(e) => setIdNumber(e.detail.value)} />
        </Field>
      </Section>
      <Section title="代办授权">
        <AuthGrant value={grant} onChange={setGrant} errs={errs} />
      </Section>
      {message && <View className="card error">{message}</View>}
      <TapButton type="primary" loading={busy} onTap={() => void save()}>
        登记
      </TapButton>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['agent']} who="村代办员">
      <NewResident />
    </RoleGate>
  );
}
