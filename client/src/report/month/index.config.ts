export default definePageConfig({ navigationBarTitleText: '月度服务评价' });
