/**
 * The variables a template may use, how they are labelled in the fill-in form, and how they are
 * filled from what the sidebar knows about a case.
 */
import type { Category } from '../cases/events';
import { CURSOR_PLACEHOLDER, parseBodyCached } from './body-syntax';
import { formatDay, formatDue } from './format-date';
import type { Template, TemplateLanguage } from './types';

export { CURSOR_PLACEHOLDER };

export const VARIABLE_NAMES = [
  'customer.firstName',
  'customer.name',
  'customer.email',
  'agent.name',
  'agent.firstName',
  'company.name',
  'case.reference',
  'case.subject',
  'case.category',
  'sla.acknowledgeBy',
  'sla.respondBy',
  'sla.resolveBy',
  'sla.followUpBy',
  'sla.escalationUpdateBy',
  'escalation.contact',
  'today',
] as const;
export type VariableName = (typeof VARIABLE_NAMES)[number];

/** What kind of value a variable holds: the fill-in form picks its input from this. */
export type VariableKind = 'text' | 'email' | 'date' | 'reference';

export interface TemplateVariable {
  name: VariableName;
  kind: VariableKind;
  label: Record<TemplateLanguage, string>;
}

const CATALOGUE: Record<VariableName, Omit<TemplateVariable, 'name'>> = {
  'customer.firstName': { kind: 'text', label: { en: 'Customer first name', es: 'Nombre del cliente' } },
  'customer.name': { kind: 'text', label: { en: 'Customer full name', es: 'Nombre completo del cliente' } },
  'customer.email': { kind: 'email', label: { en: 'Customer email', es: 'Correo del cliente' } },
  'agent.name': { kind: 'text', label: { en: 'Your full name', es: 'Su nombre completo' } },
  'agent.firstName': { kind: 'text', label: { en: 'Your first name', es: 'Su nombre' } },
  'company.name': { kind: 'text', label: { en: 'Company name', es: 'Nombre de la empresa' } },
  'case.reference': { kind: 'reference', label: { en: 'Case reference', es: 'Referencia del caso' } },
  'case.subject': { kind: 'text', label: { en: 'Case subject', es: 'Asunto del caso' } },
  'case.category': { kind: 'text', label: { en: 'Case category', es: 'Categoría del caso' } },
  'sla.acknowledgeBy': { kind: 'date', label: { en: 'Acknowledge by', es: 'Acusar recibo antes de' } },
  'sla.respondBy': { kind: 'date', label: { en: 'Respond by', es: 'Responder antes de' } },
  'sla.resolveBy': { kind: 'date', label: { en: 'Resolve by', es: 'Resolver antes de' } },
  'sla.followUpBy': { kind: 'date', label: { en: 'Follow up by', es: 'Hacer seguimiento antes de' } },
  'sla.escalationUpdateBy': { kind: 'date', label: { en: 'Next escalation update by', es: 'Próxima actualización antes de' } },
  'escalation.contact': { kind: 'text', label: { en: 'Point of contact', es: 'Persona de contacto' } },
  today: { kind: 'date', label: { en: "Today's date", es: 'Fecha de hoy' } },
};

/** The catalogue, in display order. */
export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = VARIABLE_NAMES.map((name) => ({ name, ...CATALOGUE[name] }));

export function isKnownVariable(name: string): name is VariableName {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, name);
}

/** The form label of a variable; an unknown name is returned as is. */
export function variableLabel(name: string, language: TemplateLanguage): string {
  return isKnownVariable(name) ? CATALOGUE[name].label[language] : name;
}

/** The placeholders a template uses, each once, in order of first appearance; `cursor` excluded. */
export function variablesOf(template: Pick<Template, 'body'>): string[] {
  return [...parseBodyCached(template.body).variables];
}

/** The names of the SLA deadlines a template can quote. */
export type SlaDueName = 'acknowledgeBy' | 'respondBy' | 'resolveBy' | 'followUpBy' | 'escalationUpdateBy';

/** What the sidebar knows when it fills a template. Everything is optional but the zone and language. */
export interface TemplateContext {
  /** The template's language: category words and dates are written in it. */
  language: TemplateLanguage;
  /** BCP 47 locale for dates, e.g. 'en-GB'; defaults to `language`. */
  locale?: string;
  /** The agent's IANA time zone: deadlines are shown in it. */
  timeZone: string;
  /** ISO instant used for `{{today}}`; defaults to the current time. */
  now?: string;
  customer?: { name?: string; firstName?: string; email?: string };
  agent?: { name?: string; firstName?: string };
  company?: { name?: string };
  case?: { reference?: string; subject?: string; category?: Category };
  /** ISO instants computed by the SLA engine. */
  sla?: Partial<Record<SlaDueName, string>>;
  escalation?: { contact?: string };
}

const CATEGORY_WORDS: Record<TemplateLanguage, Record<Category, string>> = {
  en: { inquiry: 'inquiry', complaint: 'complaint', support: 'support request' },
  es: { inquiry: 'consulta', complaint: 'reclamación', support: 'solicitud de soporte' },
};

/** "Jane" from "Jane Doe", "Doe, Jane" or "\"Jane Doe\""; nothing from an email address. */
export function firstNameOf(fullName: string): string | undefined {
  const name = fullName.trim().replace(/^["']+|["']+$/g, '').trim();
  if (name === '' || name.includes('@')) return undefined;
  const comma = name.indexOf(',');
  const given = comma >= 0 ? name.slice(comma + 1).trim() : name;
  const first = given.split(/\s+/)[0];
  return first === '' ? undefined : first;
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function validInstant(iso: string | undefined): iso is string {
  return iso !== undefined && !Number.isNaN(new Date(iso).getTime());
}

/**
 * Every value the context can supply, as display text in the context's language. Names it
 * cannot fill are absent (they become the fill-in form), never empty strings. Throws RangeError
 * for an invalid time zone: a deadline in the wrong zone must not reach a customer.
 */
export function fillableFrom(context: TemplateContext): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: VariableName, value: string | undefined) => {
    const v = clean(value);
    if (v !== undefined) out[name] = v;
  };
  const locale = context.locale ?? context.language;

  const customerName = clean(context.customer?.name);
  put('customer.name', customerName !== undefined && customerName.includes('@') ? undefined : customerName);
  put('customer.firstName', clean(context.customer?.firstName) ?? (customerName ? firstNameOf(customerName) : undefined));
  put('customer.email', context.customer?.email);

  const agentName = clean(context.agent?.name);
  put('agent.name', agentName);
  put('agent.firstName', clean(context.agent?.firstName) ?? (agentName ? firstNameOf(agentName) : undefined));

  put('company.name', context.company?.name);
  put('case.reference', context.case?.reference);
  put('case.subject', context.case?.subject);
  const category = context.case?.category;
  if (category) put('case.category', CATEGORY_WORDS[context.language][category]);

  const sla = context.sla ?? {};
  const dues: Array<[VariableName, string | undefined]> = [
    ['sla.acknowledgeBy', sla.acknowledgeBy],
    ['sla.respondBy', sla.respondBy],
    ['sla.resolveBy', sla.resolveBy],
    ['sla.followUpBy', sla.followUpBy],
    ['sla.escalationUpdateBy', sla.escalationUpdateBy],
  ];
  for (const [name, iso] of dues) if (validInstant(iso)) put(name, formatDue(iso, context.timeZone, locale));

  put('escalation.contact', context.escalation?.contact);
  const now = validInstant(context.now) ? context.now : new Date().toISOString();
  put('today', formatDay(now, context.timeZone, locale));
  return out;
}

/** Whether `values` holds a usable (non-blank) value for `name`; inherited keys never count. */
export function hasValue(values: Readonly<Record<string, string | undefined>>, name: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(values, name)) return false;
  const v = values[name];
  return typeof v === 'string' && v.trim() !== '';
}

/** The template's placeholders that `values` does not fill, in order of appearance. */
export function missingVariables(template: Pick<Template, 'body'>, values: Readonly<Record<string, string | undefined>>): string[] {
  return parseBodyCached(template.body).variables.filter((name) => !hasValue(values, name));
}
