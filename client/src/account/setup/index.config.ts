export default definePageConfig({ navigationBarTitleText: '中心初始化' });
