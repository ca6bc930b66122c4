import type { components } from '../../../lib/api/schema';

/** Every API type the admin uses comes from the generated schema (make openapi), never by hand. */
export type Schemas = components['schemas'];

export type User = Schemas['UserView'];
export type Role = Schemas['Role'];
export type Scope = Schemas['Scope'];
export type AdminPost = Schemas['AdminPost'];
export type AdminPostSummary = Schemas['AdminPostSummary'];
export type PostStatus = Schemas['PostStatus'];
export type LexicalDocument = Schemas['LexicalDocument'];
export type Media = Schemas['MediaView'];
export type Tag = Schemas['TagWithCount'];
export type Message = Schemas['ContactMessageView'];
export type MessageStatus = Schemas['MessageStatus'];
export type SiteBuild = Schemas['SiteBuildView'];
export type PaasApp = Schemas['PaasAppView'];
export type PaasDeployment = Schemas['PaasDeploymentView'];
