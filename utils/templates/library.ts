/**
 * The default template library: approved, in English and Spanish, one or more for every stage the
 * procedures name. Written for Caseline in our own words. Every full reply greets the customer by
 * name, thanks them and is signed by the agent; stage-specific duties (apology and reference for
 * complaints, ticket number and estimate for support, contact and timeline for escalations, a
 * rating question after resolution) are covered by the tests.
 */
import type { Category } from '../cases/events';
import type { Template, TemplateLanguage, TemplateStage } from './types';

/** Who and when the shipped library was approved. */
export const DEFAULT_LIBRARY_APPROVER = 'Caseline default library';
export const DEFAULT_LIBRARY_APPROVED_AT = '2026-11-01T09:00:00.000Z';

interface Entry {
  id: string;
  name: string;
  stage: TemplateStage;
  categories?: Category[];
  shortcut: string;
  lines: string[];
}

const SIGN_EN = ['Kind regards,', '{{agent.name}}', '{{company.name}}'].join('\n');
const SIGN_ES = ['Un cordial saludo,', '{{agent.name}}', '{{company.name}}'].join('\n');

/** Body from paragraphs (each may hold single newlines for line breaks). */
const body = (paragraphs: string[]) => paragraphs.join('\n\n');

const ENGLISH: Entry[] = [
  {
    id: 'default-greeting-en',
    name: 'Greeting',
    stage: 'greeting',
    shortcut: 'hi',
    lines: ['Hello {{customer.firstName}},', 'Thank you for getting in touch with {{company.name}}.', '{{cursor}}'],
  },
  {
    id: 'default-acknowledgement-en',
    name: 'Acknowledgement of receipt',
    stage: 'acknowledgement',
    shortcut: 'ack',
    lines: [
      'Hello {{customer.firstName}},',
      'Thank you for writing to {{company.name}}. Your message has reached us and our team is on it under reference {{case.reference}}.',
      'You will have a full reply from us by {{sla.respondBy}}. If anything else comes to mind in the meantime, just reply to this email and keep the reference in the subject so it joins the same case.',
      '{{cursor}}',
      SIGN_EN,
    ],
  },
  {
    id: 'default-acknowledgement-inquiry-en',
    name: 'Looking into your question',
    stage: 'acknowledgement',
    categories: ['inquiry'],
    shortcut: 'checking',
    lines: [
      'Hello {{customer.firstName}},',
      'Thank you for your question. I want to give you an accurate answer, so I am checking the details with the right people first.',
      'I will come back to you by {{sla.respondBy}} at the latest. Your reference is {{case.reference}}.',
      '{{cursor}}',
      SIGN_EN,
    ],
  },
  {
    id: 'default-inquiry-answer-en',
    name: 'Answer to an inquiry',
    stage: 'inquiry_answer',
    categories: ['inquiry'],
    shortcut: 'answer',
    lines: [
      'Hello {{customer.firstName}},',
      'Thank you for your question about "{{case.subject}}" (reference {{case.reference}}). Here is what you need to know:',
      '{{cursor}}',
      'I hope this covers everything. If any part is unclear or you would like more detail, reply to this email and I will gladly help further.',
      'Thank you for contacting {{company.name}}.',
      'Kind regards,\n{{agent.name}}',
    ],
  },
  {
    id: 'default-complaint-apology-en',
    name: 'Complaint apology with reference',
    stage: 'complaint_apology',
    categories: ['complaint'],
    shortcut: 'sorry',
    lines: [
      'Dear {{customer.firstName}},',
      'Thank you for telling us about this, and I am truly sorry for the trouble it has caused you. It is not the experience we want anyone to have with {{company.name}}.',
      'Your complaint is registered under reference {{case.reference}}. I am looking into what happened myself, and you will have our resolution, with an explanation of what we have done, no later than {{sla.resolveBy}}.',
      '{{cursor}}',
      'If you have anything to add, such as dates, order numbers or screenshots, reply to this email quoting {{case.reference}} and it will go straight to your case.',
      'Thank you for your patience.',
      SIGN_EN,
    ],
  },
  {
    id: 'default-support-ticket-en',
    name: 'Support ticket confirmation',
    stage: 'support_ticket',
    categories: ['support'],
    shortcut: 'ticket',
    lines: [
      'Hello {{customer.firstName}},',
      'Thank you for contacting us. We have opened a support ticket for your request.',
      'Ticket number: {{case.reference}}\nEstimated resolution: by {{sla.resolveBy}}',
      'Our support team is already working on it. {{cursor}}',
      'Please keep the ticket number in the subject of any reply so everything stays together.',
      SIGN_EN,
    ],
  },
  {
    id: 'default-escalation-notice-en',
    name: 'Escalation notice',
    stage: 'escalation_notice',
    shortcut: 'esc',
    lines: [
      'Hello {{customer.firstName}},',
      'I want to keep you informed about case {{case.reference}}. To give it the attention it deserves, I have passed it to a specialist on our team.',
      'From now on your point of contact is {{escalation.contact}}. You will hear from us with an update by {{sla.escalationUpdateBy}}, and we aim to have everything resolved by {{sla.resolveBy}}.',
      '{{cursor}}',
      'Thank you for bearing with us while we put this right.',
      SIGN_EN,
    ],
  },
  {
    id: 'default-status-update-en',
    name: 'Status update',
    stage: 'status_update',
    shortcut: 'update',
    lines: [
      'Hello {{customer.firstName}},',
      'A quick update on your case {{case.reference}}:',
      '{{cursor}}',
      'We are still working towards a resolution by {{sla.resolveBy}}, and I will write again as soon as there is more news.',
      'Thank you for your patience.',
      SIGN_EN,
    ],
  },
  {
    id: 'default-resolution-en',
    name: 'Resolution',
    stage: 'resolution',
    shortcut: 'resolved',
    lines: [
      'Hello {{customer.firstName}},',
      'Good news: your case {{case.reference}} is resolved.',
      'Here is what we did:\n{{cursor}}',
      'If anything is still not working as it should, reply to this email and we will pick it up straight away.',
      'Thank you for your patience, and for choosing {{company.name}}.',
      'Kind regards,\n{{agent.name}}',
    ],
  },
  {
    id: 'default-satisfaction-check-en',
    name: 'Satisfaction check (1 to 5)',
    stage: 'satisfaction_check',
    shortcut: 'rate',
    lines: [
      'Hello {{customer.firstName}},',
      'Now that your case {{case.reference}} is resolved, we would love to know how we did.',
      'On a scale from 1 to 5, where 1 means very dissatisfied and 5 means very satisfied, how happy are you with the way we handled your request? A reply with the number is all we need, and any comment is welcome.',
      'Thank you for helping us improve.',
      SIGN_EN,
    ],
  },
  {
    id: 'default-satisfaction-nps-en',
    name: 'Recommendation question (NPS 0 to 10)',
    stage: 'satisfaction_check',
    shortcut: 'nps',
    lines: [
      'Hello {{customer.firstName}},',
      'Thank you for giving us the chance to help with case {{case.reference}}.',
      'Just one question: on a scale from 0 to 10, how likely are you to recommend {{company.name}} to a friend or colleague? Simply reply with a number. If you would like to tell us why, we read every answer.',
      'Thank you for your time.',
      'Kind regards,\n{{agent.name}}',
    ],
  },
  {
    id: 'default-follow-up-en',
    name: 'Follow-up after resolution',
    stage: 'follow_up',
    shortcut: 'follow',
    lines: [
      'Hello {{customer.firstName}},',
      'I am checking in about case {{case.reference}}, which we resolved recently. Is everything working as you expected, and are you happy with the outcome?',
      'If something is not quite right, reply to this email and I will reopen it at once. If all is well, there is nothing you need to do.',
      '{{cursor}}',
      'Thank you again for your patience.',
      SIGN_EN,
    ],
  },
  {
    id: 'default-closing-en',
    name: 'Closing the case',
    stage: 'closing',
    shortcut: 'close',
    lines: [
      'Hello {{customer.firstName}},',
      'As everything is sorted, we are now closing case {{case.reference}}. Thank you for your patience while we worked on it, and for choosing {{company.name}}.',
      'Should you need us again, simply reply to this email. We are always happy to help.',
      '{{cursor}}',
      'Kind regards,\n{{agent.name}}',
    ],
  },
  {
    id: 'default-signoff-en',
    name: 'Sign-off',
    stage: 'signoff',
    shortcut: 'sign',
    lines: ['{{cursor}}', 'Thank you, and have a lovely day.', SIGN_EN],
  },
];

const SPANISH: Entry[] = [
  {
    id: 'default-greeting-es',
    name: 'Saludo',
    stage: 'greeting',
    shortcut: 'hola',
    lines: ['Hola, {{customer.firstName}}:', 'Gracias por ponerse en contacto con {{company.name}}.', '{{cursor}}'],
  },
  {
    id: 'default-acknowledgement-es',
    name: 'Acuse de recibo',
    stage: 'acknowledgement',
    shortcut: 'acuse',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Gracias por escribir a {{company.name}}. Hemos recibido su mensaje y nuestro equipo ya se está ocupando de él con la referencia {{case.reference}}.',
      'Recibirá una respuesta completa antes del {{sla.respondBy}}. Si mientras tanto desea añadir algo, basta con responder a este correo manteniendo la referencia en el asunto para que todo quede en el mismo caso.',
      '{{cursor}}',
      SIGN_ES,
    ],
  },
  {
    id: 'default-acknowledgement-inquiry-es',
    name: 'Estamos revisando su consulta',
    stage: 'acknowledgement',
    categories: ['inquiry'],
    shortcut: 'revisando',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Gracias por su consulta. Quiero darle una respuesta precisa, así que antes estoy comprobando los detalles con las personas adecuadas.',
      'Le responderé a más tardar el {{sla.respondBy}}. Su referencia es {{case.reference}}.',
      '{{cursor}}',
      SIGN_ES,
    ],
  },
  {
    id: 'default-inquiry-answer-es',
    name: 'Respuesta a una consulta',
    stage: 'inquiry_answer',
    categories: ['inquiry'],
    shortcut: 'respuesta',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Gracias por su consulta sobre «{{case.subject}}» (referencia {{case.reference}}). Esto es lo que necesita saber:',
      '{{cursor}}',
      'Espero que con esto quede todo claro. Si alguna parte no lo está o desea más detalle, responda a este correo y le ayudaré con mucho gusto.',
      'Gracias por contactar con {{company.name}}.',
      'Un cordial saludo,\n{{agent.name}}',
    ],
  },
  {
    id: 'default-complaint-apology-es',
    name: 'Disculpa por una reclamación, con referencia',
    stage: 'complaint_apology',
    categories: ['complaint'],
    shortcut: 'disculpa',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Gracias por contarnos lo ocurrido. Le pido sinceras disculpas por las molestias que le ha causado; no es la experiencia que queremos ofrecer en {{company.name}}.',
      'Hemos registrado su reclamación con la referencia {{case.reference}}. Me ocupo personalmente de revisar lo sucedido y tendrá nuestra solución, con la explicación de las medidas tomadas, a más tardar el {{sla.resolveBy}}.',
      '{{cursor}}',
      'Si desea aportar algo más, como fechas, números de pedido o capturas de pantalla, responda a este correo indicando la referencia {{case.reference}} y se añadirá directamente a su caso.',
      'Gracias por su paciencia.',
      SIGN_ES,
    ],
  },
  {
    id: 'default-support-ticket-es',
    name: 'Confirmación de incidencia de soporte',
    stage: 'support_ticket',
    categories: ['support'],
    shortcut: 'incidencia',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Gracias por contactar con nosotros. Hemos abierto una incidencia de soporte para su solicitud.',
      'Número de incidencia: {{case.reference}}\nPlazo estimado de resolución: antes del {{sla.resolveBy}}',
      'Nuestro equipo de soporte ya está trabajando en ella. {{cursor}}',
      'Le rogamos que mantenga el número de incidencia en el asunto de sus respuestas para que todo quede reunido.',
      SIGN_ES,
    ],
  },
  {
    id: 'default-escalation-notice-es',
    name: 'Aviso de escalado',
    stage: 'escalation_notice',
    shortcut: 'escalado',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Quiero mantenerle informado sobre el caso {{case.reference}}. Para darle la atención que merece, lo he trasladado a un especialista de nuestro equipo.',
      'A partir de ahora, su persona de contacto es {{escalation.contact}}. Recibirá noticias nuestras antes del {{sla.escalationUpdateBy}} y nuestro objetivo es dejarlo resuelto antes del {{sla.resolveBy}}.',
      '{{cursor}}',
      'Gracias por su comprensión mientras lo solucionamos como es debido.',
      SIGN_ES,
    ],
  },
  {
    id: 'default-status-update-es',
    name: 'Actualización del estado',
    stage: 'status_update',
    shortcut: 'estado',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Le escribo con novedades sobre su caso {{case.reference}}:',
      '{{cursor}}',
      'Seguimos trabajando para resolverlo antes del {{sla.resolveBy}} y volveré a escribirle en cuanto haya más información.',
      'Gracias por su paciencia.',
      SIGN_ES,
    ],
  },
  {
    id: 'default-resolution-es',
    name: 'Resolución',
    stage: 'resolution',
    shortcut: 'resuelto',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Buenas noticias: su caso {{case.reference}} está resuelto.',
      'Esto es lo que hemos hecho:\n{{cursor}}',
      'Si algo todavía no funciona como debería, responda a este correo y lo retomaremos de inmediato.',
      'Gracias por su paciencia y por confiar en {{company.name}}.',
      'Un cordial saludo,\n{{agent.name}}',
    ],
  },
  {
    id: 'default-satisfaction-check-es',
    name: 'Valoración de la atención (1 a 5)',
    stage: 'satisfaction_check',
    shortcut: 'valoracion',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Ahora que su caso {{case.reference}} está resuelto, nos encantaría saber cómo lo hemos hecho.',
      'En una escala del 1 al 5, donde 1 significa nada satisfecho y 5 muy satisfecho, ¿cuál es su grado de satisfacción con la gestión de su solicitud? Basta con responder con el número; cualquier comentario será bienvenido.',
      'Gracias por ayudarnos a mejorar.',
      SIGN_ES,
    ],
  },
  {
    id: 'default-satisfaction-nps-es',
    name: 'Pregunta de recomendación (NPS 0 a 10)',
    stage: 'satisfaction_check',
    shortcut: 'nps',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Gracias por darnos la oportunidad de ayudarle con el caso {{case.reference}}.',
      'Solo una pregunta: en una escala del 0 al 10, ¿con qué probabilidad recomendaría {{company.name}} a un amigo o colega? Responda simplemente con un número. Si quiere contarnos el motivo, leemos todas las respuestas.',
      'Gracias por su tiempo.',
      'Un cordial saludo,\n{{agent.name}}',
    ],
  },
  {
    id: 'default-follow-up-es',
    name: 'Seguimiento tras la resolución',
    stage: 'follow_up',
    shortcut: 'seguimiento',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Le escribo para saber cómo va todo tras resolver el caso {{case.reference}}. ¿Funciona todo como esperaba y está satisfecho con el resultado?',
      'Si algo no está del todo bien, responda a este correo y lo reabriré enseguida. Si todo está en orden, no tiene que hacer nada.',
      '{{cursor}}',
      'Gracias de nuevo por su paciencia.',
      SIGN_ES,
    ],
  },
  {
    id: 'default-closing-es',
    name: 'Cierre del caso',
    stage: 'closing',
    shortcut: 'cierre',
    lines: [
      'Hola, {{customer.firstName}}:',
      'Como todo está solucionado, cerramos ahora el caso {{case.reference}}. Gracias por su paciencia mientras trabajábamos en ello y por elegir {{company.name}}.',
      'Si vuelve a necesitarnos, responda a este correo: siempre estaremos encantados de ayudarle.',
      '{{cursor}}',
      'Un cordial saludo,\n{{agent.name}}',
    ],
  },
  {
    id: 'default-signoff-es',
    name: 'Despedida',
    stage: 'signoff',
    shortcut: 'firma',
    lines: ['{{cursor}}', 'Gracias y que tenga un buen día.', SIGN_ES],
  },
];

function toTemplate(e: Entry, language: TemplateLanguage): Template {
  return {
    id: e.id,
    version: 1,
    name: e.name,
    stage: e.stage,
    categories: e.categories ?? [],
    language,
    body: body(e.lines),
    status: 'approved',
    approvedBy: DEFAULT_LIBRARY_APPROVER,
    approvedAt: DEFAULT_LIBRARY_APPROVED_AT,
    updatedAt: DEFAULT_LIBRARY_APPROVED_AT,
    shortcut: e.shortcut,
  };
}

/** The shipped, approved library (English then Spanish). Shared: edit through `editTemplate`, which copies. */
export const DEFAULT_TEMPLATES: Template[] = [...ENGLISH.map((e) => toTemplate(e, 'en')), ...SPANISH.map((e) => toTemplate(e, 'es'))];
