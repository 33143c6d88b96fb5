import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { documentDate } from '@shared/domain/time';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { disclosureApi } from '../../services/fn/disclosure';
import ChooseCenter from '../../components/choose-center';
import { usePublicCenter } from '../../services/public-center';
import { useLoad } from '../../services/use-load';
import PublicationSections from '../sections';
import '../open.scss';

/** One archived publication, exactly as it was published. */
export default function OpenVersion() {
  const number = Number(useRouter().params.number ?? '0');
  const centerId = usePublicCenter();
  const res = useLoad(async () => (centerId ? disclosureApi.version({ centerId, number }) : null), `${centerId ?? ''}|${number}`);
  const v = res.data?.version;
  if (!centerId) {
    return (
      <PageShell>
        <ChooseCenter />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <StateView loading={res.loading && !res.data} error={res.error} next="back" />
      {v && (
        <View className="card">
          <View className="title">
            第{v.number}期政务公开(存档)
          </View>
          <View className="muted">
            {documentDate(v.publishedOn)}发布 · 发布人:{v.publisherName}。以下为发布时的原样内容。
          </View>
        </View>
      )}
      {v && <PublicationSections s={v.sections} />}
    </PageShell>
  );
}
