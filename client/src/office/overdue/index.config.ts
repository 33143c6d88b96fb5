export default definePageConfig({ navigationBarTitleText: '超期办件' });
