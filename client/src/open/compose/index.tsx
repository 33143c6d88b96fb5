import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import ConfirmDialog from '../../components/confirm-dialog';
import { TapButton } from '../../components/tap';
import { SECTION_LABELS, SECTION_KEYS } from '@shared/domain/disclosure';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { disclosureApi } from '../../services/fn/disclosure';
import { useAction } from '../../services/use-action';
import { useLoad } from '../../services/use-load';
import PublicationSections from '../sections';
import { instantLabel } from '../../services/format';
import '../open.scss';
import LabelledInput, { LabelledTextarea } from '../../components/labelled-input';

type Note = { userId: string; name: string; windowName: string; duties: string; photo: string };

/**
 * The admin prepares and publishes 政务公开 (R-CAT-4): writes the organisation, the commitments
 * and the supervision arrangements, each clerk's duties and photo; the windows, the posts (A/B),
 * the items' limits, the complaint figures and the roster come from live data when published.
 * Publishing makes an archived version that is never changed; an empty section is refused.
 */
function Compose() {
  const res = useLoad(() => disclosureApi.draft({}), 'draft');
  const [organisation, setOrganisation] = useState('');
  const [commitments, setCommitments] = useState('');
  const [supervision, setSupervision] = useState('');
  const [notes, setNotes] = useState<Note[]>([]);
  const [data, setData] = useState(res.data);
  const act = useAction();
  /** Whether the last save or publication went through: its message is then news, not a refusal. */
  const [lastOk, setLastOk] = useState(true);

  useEffect(() => {
    if (!res.data) return;
    setData(res.data);
    setOrganisation(res.data.draft.organisation);
    setCommitments(res.data.draft.commitments);
    setSupervision(res.data.draft.supervision);
    setNotes(res.data.draft.staffNotes);
  }, [res.data]);

  const input = () => ({ organisation, commitments, supervision, staffNotes: notes.map(({ userId, duties, photo }) => ({ userId, duties, photo })) });
  const save = () => void act.run(async () => setData(await disclosureApi.saveDraft(input())), '草稿已保存,谢谢。').then(setLastOk);
  /** Publishing is for good (every issue is archived as published): it asks first (outside review). */
  const [confirming, setConfirming] = useState(false);
  const publish = () =>
    void act
      .run(async () => {
      setData(await disclosureApi.saveDraft(input()));
      const { version } = await disclosureApi.publish({});
      await Taro.showToast({ title: `第${version.number}期已发布`, icon: 'success' });
      void Taro.redirectTo({ url: '/open/index/index' });
      })
      .then(setLastOk);
  const setNote = (i: number, patch: Partial<Note>) => setNotes((list) => list.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  const sectionErrs = (key: string) => act.errs(`sections.${key}`);

  return (
    <PageShell>
      <StateView loading={res.loading && !data} error={res.error} onRetry={res.reload} next={res.next} />
      {data && (
        <View className="card">
          <View className="muted">
            {data.lastNumber ? `上次发布:第${data.lastNumber}期。` : '本中心还没有发布过政务公开。'}
            {data.draft.updatedAt ? `草稿保存于${instantLabel(data.draft.updatedAt)}。` : ''}
            窗口、人员岗位、事项承诺期限、投诉情况和带班值班表在发布时按实时数据生成;下面只需填写文字部分。
          </View>
          {data.empty.length > 0 && (
            <View>
              <View className="item-row__name">还需补充的栏目:</View>
              {data.empty.map((e) => (
                <View key={e.section} className="open-missing">
                  {e.message}
                </View>
              ))}
            </View>
          )}
        </View>
      )}
      {data && (
        <View className="card">
          <Field label={`一、${SECTION_LABELS.organisation}`} hint="中心的机构设置、工作职责和工作权限" errors={[...act.errs('organisation'), ...sectionErrs('organisation')]}>
            <LabelledTextarea label={`一、${SECTION_LABELS.organisation}`} value={organisation} maxlength={2000} placeholder="如:中心由镇党委、政府统一领导,设综合受理、民政、人社等窗口,负责……" onInput={(e) => setOrganisation(e.detail.value)} />
          </Field>
          <Field label={`四、${SECTION_LABELS.commitments}`} hint="办公时间和各事项的承诺期限自动列出;请写明服务承诺" errors={[...act.errs('commitments'), ...sectionErrs('commitments')]}>
            <LabelledTextarea label={`四、${SECTION_LABELS.commitments}`} value={commitments} maxlength={1000} placeholder="如:一次性告知、首问负责、限时办结;即办件当场办结。" onInput={(e) => setCommitments(e.detail.value)} />
          </Field>
          <Field label={`五、${SECTION_LABELS.supervision}`} hint="监督投诉电话和网上投诉自动列出;请写明其他监督办法" errors={[...act.errs('supervision'), ...sectionErrs('supervision')]}>
            <LabelledTextarea label={`五、${SECTION_LABELS.supervision}`} value={supervision} maxlength={1000} placeholder="如:大厅入口设举报箱和意见簿,每周一开箱。" onInput={(e) => setSupervision(e.detail.value)} />
          </Field>
          {SECTION_KEYS.filter((k) => !['organisation', 'commitments', 'supervision'].includes(k)).map((k) =>
            sectionErrs(k).map((m) => (
              <View key={`${k}${m}`} className="field__error">
                {m}
              </View>
            )),
          )}
        </View>
      )}
      {data && (
        <View className="card">
          <View className="title">三、{SECTION_LABELS.staff}:职责和照片</View>
          <View className="muted">姓名、窗口和A/B岗按“A/B岗设置”自动列出;职责不填时公开所在窗口的职责。照片填写图片地址(https:// 或 cloud://),没有可留空。</View>
          {notes.map((n, i) => (
            <View key={n.userId} className="open-entry">
              <View className="item-row__name">
                {n.name}
                <Text className="muted"> {n.windowName}</Text>
              </View>
              <Field label="岗位职责" errors={act.errs(`staffNotes.${i}`)}>
                <LabelledInput label="岗位职责" value={n.duties} maxlength={200} placeholder="不填则公开窗口职责" onInput={(e) => setNote(i, { duties: e.detail.value })} />
              </Field>
              <Field label="照片地址(可不填)">
                <LabelledInput label="照片地址(可不填)" value={n.photo} maxlength={300} placeholder="https://… 或 cloud://…" onInput={(e) => setNote(i, { photo: e.detail.value })} />
              </Field>
            </View>
          ))}
        </View>
      )}
      {data && (
        <View className="card">
          {act.message && <View className={lastOk ? 'muted' : 'error'}>{act.message}</View>}
          <View className="actions">
            <TapButton type="secondary" loading={act.busy} onTap={save}>
              保存草稿
            </TapButton>
            <TapButton type="primary" loading={act.busy} onTap={() => setConfirming(true)}>
              发布政务公开
            </TapButton>
          </View>
          <View className="muted">发布后生成新的一期并存档,已发布的各期不再修改。</View>
        </View>
      )}
      {data && (
        <View>
          <View className="title">预览(按当前数据)</View>
          <PublicationSections s={data.preview} />
        </View>
      )}
      {confirming && (
        <ConfirmDialog
          title="确定发布政务公开?"
          act="确定发布"
          message="发布后生成新的一期并存档,向群众公开,已发布的内容不能再修改。"
          busy={act.busy}
          onConfirm={() => {
            setConfirming(false);
            publish();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </PageShell>
  );
}

export default function ComposePage() {
  return (
    <RoleGate roles={['admin']} who="中心管理员">
      <Compose />
    </RoleGate>
  );
}
