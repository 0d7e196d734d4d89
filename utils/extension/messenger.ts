/**
 * The one binding of the protocol to the extension's messaging (the only place besides
 * entrypoints that touches runtime messaging). Typed end to end by ProtocolMap.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../messages';

const quiet = { debug() {}, log() {}, warn: console.warn, error: console.error };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: quiet });
