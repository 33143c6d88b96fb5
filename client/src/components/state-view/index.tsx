import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { AtActivityIndicator, AtButton } from 'taro-ui';

interface Props {
  loading?: boolean;
  error?: string | null;
  empty?: string | null;
  onRetry?: () => void;
  /** 'back' (a refusal, a missing record: useLoad's `next`) offers 返回 instead of 重新加载. */
  next?: 'retry' | 'back';
}

/** Back to the page before, or home when the page was opened directly (a notice, a shared link). */
function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: '/pages/index/index' });
}

/** Loading, failure (with the way forward) and empty states, said the same way everywhere. */
export default function StateView({ loading, error, empty, onRetry, next }: Props) {
  if (loading) {
    return (
      <View className="card">
        <AtActivityIndicator content="正在加载,请稍候…" />
      </View>
    );
  }
  if (error) {
    return (
      <View className="card">
        <Text className="error">{error}</Text>
        {next === 'back' ? (
          <View className="actions">
            <AtButton type="secondary" onClick={goBack}>
              返回
            </AtButton>
          </View>
        ) : (
          onRetry && (
            <View className="actions">
              <AtButton type="secondary" onClick={onRetry}>
                重新加载
              </AtButton>
            </View>
          )
        )}
      </View>
    );
  }
  if (empty) {
    return (
      <View className="card">
        <Text className="muted">{empty}</Text>
      </View>
    );
  }
  return null;
}
