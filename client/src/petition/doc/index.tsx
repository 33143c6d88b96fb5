import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import NoticeSheet from '../../components/notice-sheet';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { petitionsApi } from '../../services/fn/petitions';
import { useLoad } from '../../services/use-load';

/**
 * 事项交办单 and 信访事项告知书 (R-PET-3): the text the server composes (the petitioner named only
 * to those who may see them), on one A4 sheet with the case notices' print layout.
 */
export default function PetitionDoc() {
  const { params } = useRouter();
  const petitionId = decodeURIComponent(params.id ?? '');
  const kind = params.kind === 'assignment' ? 'assignment' : 'notice';
  const res = useLoad(() => petitionsApi.document({ petitionId, kind }), `${petitionId}|${kind}`);
  if (!res.data) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const d = res.data;
  return (
    <PageShell className="page--doc">
      <NoticeSheet centerName={d.centerName} title={d.title} number={d.number} issued={d.issuedOn}>
        {d.paragraphs.map((p) => (
          <View key={p} className="notice-sheet__para">
            {p}
          </View>
        ))}
        <View className="notice-sheet__meta">联系电话:{d.phone}</View>
      </NoticeSheet>
    </PageShell>
  );
}
