import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Tap, { TapButton } from '../../components/tap';
import { DOOR_REASONS, type DoorReason } from '@shared/domain/booking';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import Section from '../../components/section';
import { api } from '../../services/api';
import { useAction } from '../../services/use-action';
import { DOOR_REASON_LABELS } from '../../services/format';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import LabelledInput from '../../components/labelled-input';

/** Ask for door-to-door service (R-BOOK-5), for oneself or (agent) for an authorised resident. */
export default function VisitRequest() {
  const { params } = useRouter();
  const itemId = decodeURIComponent(params.itemId ?? '');
  const isAgent = getSession()?.user.role === 'agent';
  const guide = useLoad(() => api.catalog.getItem({ itemId }), itemId);
  const residents = useLoad(async () => (isAgent ? (await api.residents.list({})).residents.filter((r) => r.authorization?.state === 'active') : []), 'r');
  const [residentIndex, setResidentIndex] = useState(-1);
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState<DoorReason>('elderly');
  const [note, setNote] = useState('');
  const { message, setMessage, busy, errs, run } = useAction();

  const submit = async () => {
    const resident = residents.data?.[residentIndex];
    if (isAgent && !resident) {
      setMessage('请先选择为哪位群众申请。');
      return;
    }
    if (await run(() => api.booking.requestVisit({ itemId, address, phone, reason, note, ...(resident ? { residentId: resident.id } : {}) }))) {
      Taro.showToast({ title: '已提交,谢谢', icon: 'success' });
      setTimeout(() => Taro.redirectTo({ url: '/pages/bookings/index' }), 600);
    }
  };

  return (
    <PageShell>
      <View className="card">
        <View className="hero">{guide.data?.item.name ?? '上门服务'}</View>
        <View className="muted">高龄、残疾、患病行动不便的群众,可申请工作人员上门办理。窗口收到后会尽快安排并通知您。</View>
      </View>
      <Section title="申请信息">
        {isAgent && (
          <Field label="代办群众">
            <View role="radiogroup" aria-label="代办群众">
              {(residents.data ?? []).map((r, i) => (
                <Tap key={r.id} role="radio" checked={i === residentIndex} className={`choice${i === residentIndex ? ' choice--on' : ''}`} onTap={() => setResidentIndex(i)}>
                  <Text className="item-row__name">
                    {i === residentIndex ? '✓ ' : ''}
                    {r.name}
                  </Text>
                </Tap>
              ))}
            </View>
          </Field>
        )}
        <Field label="上门地址" errors={errs('address')}>
          <LabelledInput label="上门地址" value={address} placeholder="如:石桥村3组12号" onInput={(e) => setAddress(e.detail.value)} />
        </Field>
        <Field label="联系电话" errors={errs('phone')}>
          <LabelledInput label="联系电话" type="number" value={phone} placeholder="手机号或座机号" onInput={(e) => setPhone(e.detail.value)} />
        </Field>
        <Field label="申请原因" errors={errs('reason')}>
          {/* Choices to read instead of a wheel picker (issue 11). */}
          <View role="radiogroup" aria-label="申请原因">
            {DOOR_REASONS.map((r) => (
              <Tap key={r} role="radio" checked={r === reason} className={`choice${r === reason ? ' choice--on' : ''}`} onTap={() => setReason(r)}>
                <Text className="item-row__name">
                  {r === reason ? '✓ ' : ''}
                  {DOOR_REASON_LABELS[r]}
                </Text>
              </Tap>
            ))}
          </View>
        </Field>
        <Field label="补充说明(可不填)" errors={errs('note')}>
          <LabelledInput label="补充说明(可不填)" value={note} placeholder="如:老人卧床,请下午来" onInput={(e) => setNote(e.detail.value)} />
        </Field>
      </Section>
      {message && <View className="card error">{message}</View>}
      <TapButton type="primary" loading={busy} onTap={() => void submit()}>
        提交申请
      </TapButton>
    </PageShell>
  );
}
