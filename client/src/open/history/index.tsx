import { View } from '@tarojs/components';
import { documentDate } from '@shared/domain/time';
import NavRow from '../../components/nav-row';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { disclosureApi } from '../../services/fn/disclosure';
import ChooseCenter from '../../components/choose-center';
import { usePublicCenter, withCenter } from '../../services/public-center';
import { useLoad } from '../../services/use-load';
import '../open.scss';

/** Every archived publication (R-CAT-4: 每次公开的内容均要存档), newest first; each opens as it was published. */
export default function OpenHistory() {
  const centerId = usePublicCenter();
  const res = useLoad(async () => (centerId ? disclosureApi.history({ centerId }) : null), centerId ?? '');
  const versions = res.data?.versions ?? [];
  if (!centerId) {
    return (
      <PageShell>
        <ChooseCenter />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <View className="muted">历次政务公开的内容按发布时的原样存档,不作修改。</View>
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && versions.length === 0 ? '本中心还没有发布过政务公开内容。' : null} />
      {versions.length > 0 && (
        <View className="card">
          {versions.map((v, i) => (
            <NavRow key={v.number} label={`第${v.number}期 · ${documentDate(v.publishedOn)} · ${v.publisherName}${i === 0 ? '(现行)' : ''}`} url={withCenter(`/open/version/index?number=${v.number}`, centerId)} />
          ))}
        </View>
      )}
    </PageShell>
  );
}
