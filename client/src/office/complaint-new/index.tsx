import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { COMPLAINT_CHANNEL_LABELS, REGISTERED_CHANNELS } from '@shared/domain/complaints';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { complaintsApi } from '../../services/fn/complaints';
import { getSession } from '../../services/session';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import Tap, { TapButton } from '../../components/tap';
import LabelledInput, { LabelledTextarea } from '../../components/labelled-input';

type Channel = (typeof REGISTERED_CHANNELS)[number];
type About = 'window' | 'staff' | 'center';
const ABOUT_LABELS: Record<About, string> = { window: '某个窗口', staff: '某位工作人员', center: '中心整体' };

/**
 * 登记投诉 (issue 9.1, R-CMP-1): staff at any window (first-ask) and the office register a
 * complaint received by phone, orally, in a letter or through the suggestion box; for phone and
 * oral ones the caller's name and contact, so that the reply can be given the same way.
 */
function Register() {
  const staff = useLoad(async () => (await api.cases.staff({})).staff, 'staff');
  const [channel, setChannel] = useState<Channel | null>(null);
  const [about, setAbout] = useState<About | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [facts, setFacts] = useState('');
  const [wants, setWants] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [filed, setFiled] = useState<{ number: string; secret: string; id: string } | null>(null);
  const { message, busy, errs, run } = useAction();
  const role = getSession()?.user.role;
  const spoken = channel === 'phone' || channel === 'oral';

  const windows = [...new Map((staff.data ?? []).map((s) => [s.windowId, s.windowName])).entries()];
  const targets = about === 'window' ? windows.map(([id, n]) => ({ id, label: n })) : about === 'staff' ? (staff.data ?? []).map((s) => ({ id: s.id, label: `${s.windowName} ${s.name}` })) : [];

  const submit = async () => {
    if (!channel || !about) return;
    await run(async () => {
      const r = await complaintsApi.register({
        channel,
        subjectKind: about,
        ...(about === 'window' && targetId ? { windowId: targetId } : {}),
        ...(about === 'staff' && targetId ? { staffId: targetId } : {}),
        facts,
        wants,
        anonymous,
        ...(!anonymous && name.trim() ? { name: name.trim() } : {}),
        ...(!anonymous && contact.trim() ? { contact: contact.trim() } : {}),
      });
      setFiled({ number: r.trackingNumber, secret: r.secret, id: r.complaint.id });
    });
  };

  if (filed) {
    return (
      <PageShell>
        <View className="card">
          <View className="title">投诉已登记,谢谢</View>
          <View className="para">投诉编号:{filed.number}</View>
          <View className="para">查询码:{filed.secret}</View>
          <View className="muted para">请将投诉编号和查询码告知投诉人,凭此可在小程序查询办理进度和答复。投诉已送中心管理办公室。</View>
        </View>
        {role === 'office' && (
          <TapButton type="primary" onTap={() => void Taro.redirectTo({ url: `/office/complaint/index?id=${encodeURIComponent(filed.id)}` })}>
            打开此投诉(分类、指定承办人)
          </TapButton>
        )}
        <TapButton onTap={() => setFiled(null)}>
          再登记一件
        </TapButton>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="muted">请如实记录群众的投诉,登记后会立即送中心管理办公室处理。</View>
      <View className="card">
        <Field label="投诉渠道" errors={errs('channel')}>
          <View className="day-tabs">
            {REGISTERED_CHANNELS.map((ch) => (
              <Tap role="radio" checked={channel === ch} label={`渠道:${COMPLAINT_CHANNEL_LABELS[ch]}`} onTap={() => setChannel(ch)} key={ch} className={`day-tab${channel === ch ? ' day-tab--on' : ''}`}>
                {COMPLAINT_CHANNEL_LABELS[ch]}
              </Tap>
            ))}
          </View>
        </Field>
        <Field label="投诉对象" errors={[...errs('subjectKind'), ...errs('windowId'), ...errs('staffId')]}>
          <View className="day-tabs">
            {(['window', 'staff', 'center'] as const).map((a) => (
              <Tap role="radio" checked={about === a} label={`投诉对象:${ABOUT_LABELS[a]}`} onTap={() => {
                  setAbout(a);
                  setTargetId(null);
                }}
                key={a}
                className={`day-tab${about === a ? ' day-tab--on' : ''}`}
              >
                {ABOUT_LABELS[a]}
              </Tap>
            ))}
          </View>
          {(about === 'window' || about === 'staff') && <StateView loading={staff.loading && !staff.data} error={staff.error} onRetry={staff.reload} next={staff.next} />}
          {targets.map((t) => (
            <Tap role="radio" checked={targetId === t.id} label={`选择${t.label}`} onTap={() => setTargetId(t.id)} key={t.id} className={`choice${targetId === t.id ? ' choice--on' : ''}`}>
              {t.label}
            </Tap>
          ))}
        </Field>
        <Field label="事实经过" errors={errs('facts')}>
          <LabelledTextarea label="事实经过" value={facts} maxlength={1000} placeholder="请记录时间、地点、经过" onInput={(e) => setFacts(e.detail.value)} />
        </Field>
        <Field label="投诉人的诉求" errors={errs('wants')}>
          <LabelledInput label="投诉人的诉求" value={wants} placeholder="如:希望窗口改进服务态度" onInput={(e) => setWants(e.detail.value)} />
        </Field>
        <Field label="是否匿名" errors={errs('anonymous')}>
          <View className="actions">
            <TapButton type={!anonymous ? 'primary' : 'secondary'} onTap={() => setAnonymous(false)}>
              留姓名
            </TapButton>
            <TapButton type={anonymous ? 'primary' : 'secondary'} onTap={() => setAnonymous(true)}>
              匿名
            </TapButton>
          </View>
          {anonymous && <View className="muted para">匿名投诉:中心任何人都看不到投诉人是谁,无法回访;答复只能凭投诉编号和查询码在小程序查看。请先告知投诉人。</View>}
        </Field>
        {!anonymous && (
          <>
            <Field label={spoken ? '投诉人姓名' : '投诉人姓名(可不填)'} errors={errs('name')}>
              <LabelledInput label={spoken ? '投诉人姓名' : '投诉人姓名(可不填)'} value={name} placeholder="如:王大伯" onInput={(e) => setName(e.detail.value)} />
            </Field>
            <Field label={spoken ? '联系电话(电话、当面投诉请填写,以便答复)' : '联系电话(可不填)'} errors={errs('contact')}>
              <LabelledInput label={spoken ? '联系电话(电话、当面投诉请填写,以便答复)' : '联系电话(可不填)'} type="number" value={contact} placeholder="11位手机号或带区号的固定电话" onInput={(e) => setContact(e.detail.value)} />
            </Field>
          </>
        )}
        <TapButton type="primary" loading={busy} disabled={!channel || !about} onTap={() => void submit()}>
          登记投诉
        </TapButton>
        {(!channel || !about) && <View className="muted para">请先选择投诉渠道和投诉对象。</View>}
        {message && <View className="error para">{message}</View>}
      </View>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'office']} who="窗口工作人员和中心管理办公室">
      <Register />
    </RoleGate>
  );
}
