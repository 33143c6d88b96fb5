// Full screen (no title bar): the pad is left at the window for villagers to tap.
export default definePageConfig({ navigationBarTitleText: '服务评价', navigationStyle: 'custom', pageOrientation: 'auto' });
