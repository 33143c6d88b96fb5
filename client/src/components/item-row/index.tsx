import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { promiseLabel, type ItemSummary } from '@shared/domain/catalog';
import Tap from '../tap';

/** One service item in a list; a tap opens its complete guide. */
export default function ItemRow({ item, windowName }: { item: ItemSummary; windowName?: string }) {
  return (
    <Tap role="link" className="row item-row" onTap={() => void Taro.navigateTo({ url: `/pages/guide/index?id=${encodeURIComponent(item.id)}` })}>
      <View>
        <View className="item-row__name">{item.name}</View>
        <View>
          {windowName && <Text className="tag">{windowName}</Text>}
          <Text className={item.promisedDays === 0 ? 'tag tag--ok' : 'tag'}>{promiseLabel(item.promisedDays)}</Text>
          {item.doorToDoor && <Text className="tag tag--ok">可上门服务</Text>}
          {item.forwarded && <Text className="tag tag--warn">转报件</Text>}
        </View>
      </View>
      <Text className="link">查看 ›</Text>
    </Tap>
  );
}
