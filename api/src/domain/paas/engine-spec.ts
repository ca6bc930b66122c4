// What the PaaS asks of the engine, shared by the services that build it and the repositories that send it.

/**
 * Labels on everything the engine creates: reconcile and cleanup find their objects by these. The
 * `managed` label's value is the installation's id (PAAS_INSTANCE), so two installations (or two test
 * runs) sharing one Docker Engine never reconcile away each other's containers.
 */
export const LABEL = {
  managed: 'dev.omervision.paas',
  app: 'dev.omervision.paas.app',
  deployment: 'dev.omervision.paas.deployment',
  slug: 'dev.omervision.paas.slug',
} as const;

/** The body of `POST /containers/create` (dockerode's ContainerCreateOptions, kept structural here). */
export interface ContainerSpec {
  name: string;
  Image: string;
  User: string;
  Env: string[];
  Labels: Record<string, string>;
  ExposedPorts: Record<string, Record<string, never>>;
  HostConfig: {
    Memory: number;
    MemorySwap: number;
    MemorySwappiness?: number;
    CpuQuota: number;
    CpuPeriod: number;
    PidsLimit: number;
    RestartPolicy: { Name: 'on-failure'; MaximumRetryCount: number };
    CapDrop: string[];
    CapAdd: string[];
    SecurityOpt: string[];
    Privileged: false;
    ReadonlyRootfs: boolean;
    Tmpfs: Record<string, string>;
    LogConfig: { Type: 'json-file'; Config: Record<string, string> };
    NetworkMode: string;
    PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
    Init: boolean;
    IpcMode: 'private';
    Runtime?: string;
  };
  NetworkingConfig: { EndpointsConfig: Record<string, { Aliases: string[] }> };
}
