export default definePageConfig({ navigationBarTitleText: '投诉情况公示' });
