/** @module sandbox/models — the model catalogue (BaseModelCard shape) and GET /v1/models[/{id}]. */
import { detailError } from './error-bodies.ts';
import { type RequestContext, sendError, sendJson } from './request-context.ts';

type Capability =
  | 'completion_chat'
  | 'function_calling'
  | 'reasoning'
  | 'completion_fim'
  | 'fine_tuning'
  | 'vision'
  | 'ocr'
  | 'classification'
  | 'moderation'
  | 'audio'
  | 'audio_transcription'
  | 'audio_transcription_realtime'
  | 'audio_speech'
  | 'unified_resources';

const ALL_CAPABILITIES: Capability[] = [
  'completion_chat',
  'function_calling',
  'reasoning',
  'completion_fim',
  'fine_tuning',
  'vision',
  'ocr',
  'classification',
  'moderation',
  'audio',
  'audio_transcription',
  'audio_transcription_realtime',
  'audio_speech',
  'unified_resources',
];

interface ModelEntry {
  id: string;
  name: string;
  description: string;
  capabilities: Capability[];
  maxContextLength: number;
  aliases: string[];
  deprecation: string | null;
  deprecationReplacement: string | null;
  defaultTemperature: number | null;
  /** Served by /v1/embeddings rather than chat. */
  embeddings?: boolean;
}

const CREATED = 1_759_185_600;

const CATALOGUE: ModelEntry[] = [
  {
    id: 'mistral-small-latest',
    name: 'mistral-small-sandbox',
    description: 'Sandbox stand-in for Mistral Small: deterministic answers, tools and JSON modes.',
    capabilities: ['completion_chat', 'function_calling', 'vision'],
    maxContextLength: 131_072,
    aliases: ['mistral-small-sandbox'],
    deprecation: null,
    deprecationReplacement: null,
    defaultTemperature: 0.3,
  },
  {
    id: 'mistral-large-latest',
    name: 'mistral-large-sandbox',
    description: 'Sandbox stand-in for Mistral Large: deterministic answers, tools and JSON modes.',
    capabilities: ['completion_chat', 'function_calling', 'vision'],
    maxContextLength: 131_072,
    aliases: ['mistral-large-sandbox'],
    deprecation: null,
    deprecationReplacement: null,
    defaultTemperature: 0.3,
  },
  {
    id: 'sandbox-echo-1',
    name: 'sandbox-echo-1',
    description:
      'Echo model of the agentscore sandbox; scheduled for deprecation to exercise lifecycle checks.',
    capabilities: ['completion_chat', 'function_calling'],
    maxContextLength: 32_768,
    aliases: [],
    deprecation: '2027-01-31T12:00:00Z',
    deprecationReplacement: 'mistral-small-latest',
    defaultTemperature: 0.7,
  },
  {
    id: 'mistral-embed',
    name: 'mistral-embed',
    description: 'Sandbox stand-in for Mistral Embed: deterministic hashed vectors.',
    capabilities: [],
    maxContextLength: 8_192,
    aliases: [],
    deprecation: null,
    deprecationReplacement: null,
    defaultTemperature: null,
    embeddings: true,
  },
];

function modelCard(entry: ModelEntry): Record<string, unknown> {
  return {
    id: entry.id,
    object: 'model',
    created: CREATED,
    owned_by: 'mistralai',
    capabilities: Object.fromEntries(
      ALL_CAPABILITIES.map((name) => [name, entry.capabilities.includes(name)]),
    ),
    name: entry.name,
    description: entry.description,
    max_context_length: entry.maxContextLength,
    aliases: entry.aliases,
    deprecation: entry.deprecation,
    deprecation_replacement_model: entry.deprecationReplacement,
    default_model_temperature: entry.defaultTemperature,
    type: 'base',
  };
}

function findModel(id: string): ModelEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id || entry.aliases.includes(id));
}

/** Ids of the chat models, in catalogue order (the MCP `list_models` tool reads them). */
export function chatModelIds(): string[] {
  return CATALOGUE.filter((entry) => entry.capabilities.includes('completion_chat')).map((entry) => entry.id);
}

export function isChatModel(id: string): boolean {
  return findModel(id)?.capabilities.includes('completion_chat') === true;
}

export function isEmbeddingModel(id: string): boolean {
  return findModel(id)?.embeddings === true;
}

/** The model a response names: the requested one, or a different one when the swap fault is on. */
export function answeringModel(requested: string, swapTo: string | null): string {
  if (swapTo === null) return requested;
  if (swapTo !== requested) return swapTo;
  return CATALOGUE.find((entry) => entry.id !== requested && !entry.embeddings)?.id ?? requested;
}

export function listModels(context: RequestContext): void {
  sendJson(context, 200, { object: 'list', data: CATALOGUE.map(modelCard) });
}

export function getModel(context: RequestContext, id: string): void {
  const entry = findModel(id);
  if (entry === undefined) {
    sendError(context, detailError(404));
    return;
  }
  sendJson(context, 200, modelCard(entry));
}
