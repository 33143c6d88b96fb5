import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../components/date-chips';
import Field from '../../components/field';
import LabelledInput from '../../components/labelled-input';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { setSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import { TapButton } from '../../components/tap';

/**
 * 中心初始化 (issue 7), for the deploy's IT person: the center's first admin is bound to this
 * WeChat with the one-time setup code of the deploy (`account.setupAdmin`). Later admins and all
 * staff come through invites. WeChat only: the identity is the WeChat account of the call.
 */
export default function Setup() {
  const centers = useLoad(() => api.catalog.listCenters({}), 'centers');
  const list = (centers.data?.districts ?? []).flatMap((d) => d.centers.map((c) => ({ id: c.id, label: `${d.name} · ${c.name}` })));
  const [index, setIndex] = useState(-1);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const { message, busy, errs, run } = useAction();

  if (process.env.TARO_ENV !== 'weapp') {
    return (
      <PageShell>
        <View className="card">您好,中心初始化需要在微信小程序中进行:管理员的身份就是其微信账号。请在微信中打开本小程序后,在“我的”页面进入“中心初始化”。</View>
      </PageShell>
    );
  }

  const submit = () =>
    run(async () => {
      const r = await api.account.setupAdmin({ code, centerId: list[index]?.id ?? '', name });
      setSession({ user: r.user });
      setDone(true);
    }, '设置成功!您已是本中心的管理员,可以在“我的”页面为工作人员发放邀请码。');

  return (
    <PageShell>
      <View className="card muted">本页面供部署人员使用:用部署时设置的一次性初始化口令,把您的微信设为所选中心的第一位管理员。每个中心只能设置一次;其他管理员和工作人员请由管理员发放邀请码绑定。</View>
      <StateView loading={centers.loading} error={centers.error} onRetry={centers.reload} next={centers.next} />
      {centers.data && !done && (
        <View className="card">
          <Field label="服务中心" errors={errs('centerId')}>
            <ChoiceChips label="服务中心" options={list.map((c, i) => ({ value: String(i), label: c.label }))} value={index >= 0 ? String(index) : null} onChange={(v) => setIndex(Number(v))} />
          </Field>
          <Field label="管理员姓名" errors={errs('name')}>
            <LabelledInput label="管理员姓名" value={name} maxlength={20} placeholder="请输入您的姓名" onInput={(e) => setName(e.detail.value)} />
          </Field>
          <Field label="初始化口令" errors={errs('code')}>
            <LabelledInput label="初始化口令" password value={code} maxlength={128} placeholder="请输入部署人员提供的口令" onInput={(e) => setCode(e.detail.value)} />
          </Field>
          <TapButton type="primary" loading={busy} onTap={() => void submit()}>
            设为本中心管理员
          </TapButton>
        </View>
      )}
      {message && <View className="card">{message}</View>}
      {done && (
        <TapButton type="primary" onTap={() => Taro.reLaunch({ url: '/pages/me/index' })}>
          进入“我的”
        </TapButton>
      )}
    </PageShell>
  );
}
