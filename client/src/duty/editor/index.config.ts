export default definePageConfig({ navigationBarTitleText: '带班值班排班' });
