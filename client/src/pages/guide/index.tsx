import { Image, View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { copiesNote, MATERIAL_FORM_LABELS, promiseLabel } from '@shared/domain/catalog';
import HeldBookings from '../../components/held-booking';
import PageShell from '../../components/page-shell';
import PhoneLink from '../../components/phone-link';
import Tap, { TapButton } from '../../components/tap';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import './index.scss';

/** A sample form given as a picture (a web address or a cloud fileID), which the guide can show. */
const isPicture = (sample: string): boolean => /^(https?:\/\/|cloud:\/\/)\S+$/.test(sample.trim());

const checklistKey = (itemId: string, version: number) => `checklist:${itemId}:v${version}`;

/**
 * The complete service guide (R-CAT-1, R-CAT-2): everything on one screen, and the materials as
 * a checklist the villager ticks while gathering them. Ticks are kept per item version, so an
 * edited list starts afresh.
 */
export default function Guide() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const res = useLoad(() => api.catalog.getItem({ itemId: id }), id);
  const [ticked, setTicked] = useState<number[]>([]);
  const role = getSession()?.user.role;
  const canBook = role === 'villager' || role === 'agent';
  // A booking already held for the item, shown before booking again (issue 11).
  const held = useLoad(async () => (canBook ? (await api.booking.held({ itemId: id })).bookings : []), `held|${id}|${canBook}`);

  const item = res.data?.item;
  useEffect(() => {
    if (!item) return;
    const saved = Taro.getStorageSync(checklistKey(item.id, item.version)) as number[] | '';
    setTicked(Array.isArray(saved) ? saved : []);
  }, [item?.id, item?.version]);

  const toggle = (i: number) => {
    if (!item) return;
    const next = ticked.includes(i) ? ticked.filter((x) => x !== i) : [...ticked, i];
    setTicked(next);
    Taro.setStorageSync(checklistKey(item.id, item.version), next);
  };

  if (!res.data || !item) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const { window: w, center } = res.data;
  const heldNow = held.data ?? [];
  const done = ticked.length;
  const total = item.materials.length;

  return (
    <PageShell>
      <View className="card">
        <View className="hero guide-name">{item.name}</View>
        <View className="muted">事项编码:{item.code}</View>
        <View>
          <Text className={item.promisedDays === 0 ? 'tag tag--ok' : 'tag'}>{promiseLabel(item.promisedDays)}</Text>
          {item.doorToDoor && <Text className="tag tag--ok">可申请上门服务</Text>}
          {item.forwarded && <Text className="tag tag--warn">转报件</Text>}
        </View>
        {canBook && <HeldBookings bookings={heldNow} forAgent={role === 'agent'} />}
        {canBook && (
          <View className="actions">
            <TapButton type={heldNow.length > 0 ? 'secondary' : 'primary'} onTap={() => Taro.navigateTo({ url: `/pages/book/index?itemId=${encodeURIComponent(item.id)}` })}>
              {heldNow.length > 0 ? '另约一天' : '预约办理'}
            </TapButton>
            {item.doorToDoor && (
              <TapButton onTap={() => Taro.navigateTo({ url: `/pages/visit/index?itemId=${encodeURIComponent(item.id)}` })}>申请上门服务</TapButton>
            )}
          </View>
        )}
        <View className="guide-facts">
          <View>办理窗口:{w.name}</View>
          <View>承诺时限:{promiseLabel(item.promisedDays)}</View>
          <View>收费标准:{item.fees}</View>
          {item.forwarded && <View>报送部门:本中心受理后报送{item.forwardedTo}审批</View>}
        </View>
      </View>

      <Section title={`申报材料(已备齐 ${done}/${total})`}>
        <View className="muted">下列是办理本事项需要的全部材料,窗口不会再另外要求其他材料。请逐项准备,备好一项点一下打勾。{copiesNote(item.materials)}</View>
        {item.materials.map((m, i) => {
          const on = ticked.includes(i);
          return (
            <View key={m.name} className="material-item">
              <Tap role="checkbox" checked={on} label={`${i + 1}. ${m.name},${MATERIAL_FORM_LABELS[m.form]}${m.count}份`} className={`material${on ? ' material--done' : ''}`} onTap={() => toggle(i)}>
                <View className="material__box">{on ? '✓' : ''}</View>
                <View className="material__body">
                  <View className="material__name">
                    {i + 1}. {m.name}
                  </View>
                  <View className="muted">
                    {MATERIAL_FORM_LABELS[m.form]} · {m.count}份{on ? ' · 已备齐' : ''}
                  </View>
                  {m.notes && <View className="muted">说明:{m.notes}</View>}
                  {m.sample && !isPicture(m.sample) && <View className="muted">样表:{m.sample}</View>}
                </View>
              </Tap>
              {m.sample && isPicture(m.sample) && (
                <View className="sample">
                  <Image className="sample__image" src={m.sample} mode="widthFix" aria-label={`${m.name}样表`} />
                  <TapButton label={`放大查看${m.name}样表`} onTap={() => void Taro.previewImage({ urls: [m.sample], current: m.sample })}>
                    放大查看样表
                  </TapButton>
                </View>
              )}
            </View>
          );
        })}
      </Section>

      <Section title="申报条件">
        {item.conditions.map((c, i) => (
          <View key={c} className="para">
            {i + 1}. {c}
          </View>
        ))}
      </Section>

      <Section title="办事程序">
        {item.steps.map((s, i) => (
          <View key={s} className="para">
            第{i + 1}步:{s}
          </View>
        ))}
      </Section>

      <Section title="政策依据">
        {item.policyBasis.map((p) => (
          <View key={p} className="para">
            {p}
          </View>
        ))}
      </Section>

      <Section title="办理地点与咨询">
        <View className="para">
          {center.name} {w.name}
        </View>
        <View className="para">地址:{center.address}</View>
        <View className="para">
          办公时间:工作日 {center.opensAt}–{center.closesAt}(中午不休息)
        </View>
        <View className="para">
          咨询电话:<PhoneLink phone={item.consultPhone || w.phone} what="咨询电话" />
        </View>
        <View className="para">
          监督投诉电话:<PhoneLink phone={center.complaintPhone} what="监督投诉电话" />
        </View>
        {item.doorToDoor && (
          <View className="para muted">行动不便的老年人、残疾人、病患可联系本村代办员或拨打窗口电话,申请上门服务。</View>
        )}
      </Section>
    </PageShell>
  );
}
