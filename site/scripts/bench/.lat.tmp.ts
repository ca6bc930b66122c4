import { login, measurePublishLatency } from './site-bench.ts';
const admin = await login('http://127.0.0.1:8311', 'admin@omervision.local', 'violet-tram-harbour-42');
console.log(JSON.stringify(await measurePublishLatency(admin, 'http://127.0.0.1:3311', Number(process.argv[2] ?? 7))));
