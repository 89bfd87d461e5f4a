// The original front end's calls, made with the real @supabase/supabase-js client against the HealthTwin web host.
// Run by the web host's tests (NodeAppClientTests) with the pinned Node 22 of eng/s3:
//   HEALTHTWIN_URL=http://127.0.0.1:PORT HEALTHTWIN_TOKEN=<user JWT> HEALTHTWIN_ANON_KEY=<anon JWT> node app-client.mjs
// Every request body below is the one the app or the integration guide sends; every field read is one they read.
// Prints one JSON object on stdout: { "<call>": { ok, status, data | error } } and exits 0; the test asserts on it.
import { createClient } from '@supabase/supabase-js';

const url = process.env.HEALTHTWIN_URL;
const token = process.env.HEALTHTWIN_TOKEN;
const anonKey = process.env.HEALTHTWIN_ANON_KEY;
if (!url || !token || !anonKey) {
  console.error('app-client.mjs: set HEALTHTWIN_URL, HEALTHTWIN_TOKEN and HEALTHTWIN_ANON_KEY');
  process.exit(2);
}

// The app signs users in with Supabase Auth; here the session's access token is given directly.
const supabase = createClient(url, anonKey, {
  accessToken: async () => token,
  auth: { persistSession: false, autoRefreshToken: false },
});

// 14 days as the app stores them (loadMetrics(): oldest first), the last night short.
function loadMetrics() {
  const days = [];
  for (let i = 0; i < 14; i++) {
    const date = new Date(Date.UTC(2025, 2, 1 + i)).toISOString().slice(0, 10);
    days.push({
      date,
      sleepHours: i === 13 ? 5.2 : 7.4 + (i % 3) * 0.2,
      sleepEfficiency: 88 + (i % 4),
      hrv: i === 13 ? 44 : 62 + (i % 5),
      restingHr: i === 13 ? 64 : 57 + (i % 3),
      steps: 7000 + i * 150,
      workoutMinutes: i % 2 === 0 ? 45 : 20,
      trainingLoad: 45 + (i % 4) * 5,
      stressScore: 40 + (i % 5) * 3,
      moodScore: 4,
      energyScore: i === 13 ? 2 : 4,
    });
  }
  return days;
}

function loadProfile(chronotype) {
  return { name: 'Ada', age: 29, goal: 'maintain', chronotype, trainingFrequency: 4, sleepNeedHours: 8, examPhase: false, timeZone: 'Europe/Berlin' };
}

function computeBaseline(metrics) {
  const recent = metrics.slice(-14);
  const mean = (k) => recent.reduce((s, d) => s + d[k], 0) / recent.length;
  return { hrv: mean('hrv'), restingHr: mean('restingHr'), sleepHours: mean('sleepHours'), sleepEfficiency: mean('sleepEfficiency'), stressScore: mean('stressScore') };
}

async function call(name, body) {
  const { data, error, response } = await supabase.functions.invoke(name, { body });
  if (error) {
    let detail = null;
    try { detail = response ? await response.json() : null; } catch { detail = null; }
    return { ok: false, status: response?.status ?? null, error: error.name + ': ' + error.message, detail };
  }
  return { ok: true, status: response.status, data };
}

async function fetchPlain(link) {
  const res = await fetch(link); // no token: a signed link is its own authority
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, contentType: res.headers.get('content-type'), base64: bytes.toString('base64'), text: bytes.toString('utf8') };
}

const results = {};
const metrics = loadMetrics();
const today = metrics[metrics.length - 1];

// AgentOrchestrator.analyzeWithAI(context, focus): the app's hybrid approach.
results.analyzeWithAI = await call('aws-bedrock-chat', {
  context: { profile: loadProfile('normal'), today, last7Days: metrics.slice(-7), baseline: computeBaseline(metrics), allMetrics: metrics },
  focus: 'sleep optimization',
  model: 'claude-3-5-sonnet',
});

// AWSBedrockSleepAgent.analyze(context): the guide's AI agent, with agentType.
results.awsBedrockSleepAgent = await call('aws-bedrock-chat', {
  context: { profile: loadProfile('night'), today, last7Days: metrics.slice(-7), baseline: computeBaseline(metrics), allMetrics: metrics },
  focus: 'sleep optimization',
  agentType: 'sleep',
  model: 'claude-3-5-sonnet',
});

// The guide's "Test from frontend": today is loadMetrics()[0], the OLDEST day.
results.guideTest = await call('aws-bedrock-chat', {
  context: { profile: loadProfile('early'), today: loadMetrics()[0], last7Days: loadMetrics().slice(-7), baseline: computeBaseline(loadMetrics()), allMetrics: loadMetrics() },
  focus: 'training intensity',
});

// The app's orchestrator caps what it shows.
results.maxThree = await call('aws-bedrock-chat', {
  context: { profile: loadProfile('normal'), today, last7Days: metrics.slice(-7), baseline: computeBaseline(metrics), allMetrics: metrics },
  focus: 'overall health',
  maxRecommendations: 3,
});

// backupMetricsToS3(metrics): the guide logs data.url.
results.backup = await call('s3-upload', { data: metrics, path: 'metrics', filename: `backup-${new Date().toISOString()}.json` });
if (results.backup.ok && results.backup.data?.url) {
  results.backupUrl = await fetchPlain(results.backup.data.url);
}

// testS3Upload(): a JSON object under a custom folder.
results.testUpload = await call('s3-upload', { data: { test: 'data', timestamp: new Date().toISOString() }, path: 'test', filename: 'test-upload.json' });
if (results.testUpload.ok && results.testUpload.data?.url) {
  results.testUploadUrl = await fetchPlain(results.testUpload.data.url);
}

// A meal photo as the app's file input gives it: a data URL.
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
results.photoUpload = await call('s3-upload', {
  data: 'data:image/jpeg;base64,' + jpeg.toString('base64'), path: 'photos/meals', filename: 'lunch.jpg', contentType: 'image/jpeg',
});
if (results.photoUpload.ok && results.photoUpload.data?.url) {
  results.photoUrl = await fetchPlain(results.photoUpload.data.url);
}
results.photoBase64Upload = await call('s3-upload', {
  data: jpeg.toString('base64'), path: 'photos/sleep-environment', filename: 'bedroom.jpg', contentType: 'image/jpeg',
});
results.expectedJpegBase64 = jpeg.toString('base64');

// Streaming as a browser reads it: invoke returns the Response for text/event-stream; read its body with a reader.
{
  const { data, error, response } = await supabase.functions.invoke('aws-bedrock-chat', {
    body: { context: { profile: loadProfile('normal'), today, last7Days: metrics.slice(-7), allMetrics: metrics }, focus: 'sleep optimization', stream: true },
    headers: { Accept: 'text/event-stream' },
  });
  if (error) {
    results.stream = { ok: false, status: response?.status ?? null, error: error.name + ': ' + error.message };
  } else {
    const reader = data.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    const events = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const name = (block.match(/^event: (.*)$/m) ?? [])[1] ?? 'message';
        const payload = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('');
        events.push({ event: name, data: JSON.parse(payload) });
      }
    }
    results.stream = { ok: true, status: response.status, contentType: response.headers.get('content-type'), data: { events } };
  }
}

results.listMetrics = await call('s3-list', { prefix: 'metrics' });
results.listPhotos = await call('s3-list', { prefix: 'photos' });
results.listAll = await call('s3-list', {});
results.download = await call('s3-download', { key: results.testUpload.data?.key ?? 'test/test-upload.json' });

process.stdout.write(JSON.stringify(results));
