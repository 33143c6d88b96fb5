export default definePageConfig({ navigationBarTitleText: '今日值班记录' });
