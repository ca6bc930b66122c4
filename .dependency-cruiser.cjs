/**
 * The import rules of the api (make lint runs them): layers point one way, nothing imports in a circle,
 * and only the PaaS engine's repositories touch the Docker Engine. The API process (main.ts) must not
 * load dockerode at all: it only records and queues; the worker drives the engine.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import circles (type-only imports included) make wiring order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'domain/ holds shapes and pure functions every layer may use; it imports nothing of ours outside domain/.',
      from: { path: '^api/src/domain/' },
      to: { path: '^api/src/', pathNot: '^api/src/domain/' },
    },
    {
      name: 'repositories-stay-down',
      severity: 'error',
      comment:
        'Repositories are the bottom layer: they never import services, controllers, jobs wiring or composition (shapes both sides share live in domain/).',
      from: { path: '^api/src/repositories/' },
      to: { path: '^api/src/(services|controllers|composition|schedule|middleware)/' },
    },
    {
      name: 'services-below-controllers',
      severity: 'error',
      comment: 'Services know nothing of HTTP controllers, the composition or process roots.',
      from: { path: '^api/src/services/' },
      // jobs/job-spec.ts is the queue's contract (job names and payload types), not wiring.
      to: {
        path: '^api/src/(controllers|composition|schedule|jobs)/|^api/src/(main|worker|router|ops-cli|app)\\.ts$',
        pathNot: '^api/src/jobs/job-spec\\.ts$',
      },
    },
    {
      name: 'controllers-use-services',
      severity: 'error',
      comment: 'Controllers go through services, never straight to a repository or the composition.',
      from: { path: '^api/src/controllers/' },
      // Types of what a service returns may come from a repository (a cached answer's shape); code may not.
      to: { path: '^api/src/(repositories|composition|jobs|schedule)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'jobs-are-handlers',
      severity: 'error',
      comment: 'jobs/ holds handlers only: wiring lives in composition/.',
      from: { path: '^api/src/jobs/' },
      to: { path: '^api/src/(composition|schedule|controllers)/' },
    },
    {
      name: 'docker-only-in-the-engine',
      severity: 'error',
      comment: 'Only the engine repositories (used by the PaaS drivers) import dockerode.',
      from: { pathNot: '^api/src/repositories/(docker|swarm)\\.repository\\.ts$' },
      to: { path: 'node_modules/(dockerode|docker-modem)/' },
    },
    {
      name: 'api-process-without-docker',
      severity: 'error',
      comment: 'The API process never touches Docker: nothing it loads may reach dockerode.',
      from: { path: '^api/src/(main|app)\\.ts$' },
      to: { path: 'node_modules/dockerode/', reachable: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'api/tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$|^api/src/generated/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
