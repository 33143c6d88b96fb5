import { View, Text } from '@tarojs/components';
import { AtActivityIndicator, AtButton } from 'taro-ui';

interface Props {
  loading?: boolean;
  error?: string | null;
  empty?: string | null;
  onRetry?: () => void;
}

/** Loading, failure (with the way forward) and empty states, said the same way everywhere. */
export default function StateView({ loading, error, empty, onRetry }: Props) {
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
        {onRetry && (
          <View className="actions">
            <AtButton type="secondary" onClick={onRetry}>
              重新加载
            </AtButton>
          </View>
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
